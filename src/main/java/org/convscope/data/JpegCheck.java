package org.convscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.convscope.io.FileException;

/**
 * Walks a JPEG file's markers after its start-of-image: segments by their lengths, the entropy-coded data after each
 * start-of-scan up to the next marker, until the end-of-image marker. The size comes from the first frame header
 * (SOF0–SOF15 except DHT, JPG and DAC). A file that ends before its end-of-image marker is truncated.
 */
final class JpegCheck {
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;

    private final Path file;
    private final InputStream in;
    private final byte[] head;
    private int headAt = 2; // the bytes after FF D8 that were read to recognise the format
    private long offset = 2;

    JpegCheck(Path file, InputStream in, byte[] head) {
        this.file = file;
        this.in = in;
        this.head = head;
    }

    /** The header; with {@code whole} only once the end-of-image marker is reached, else once the frame header is. */
    ImageFile.Header run(boolean whole) throws IOException {
        ImageFile.Header header = null;
        boolean scanned = false;
        int marker = nextMarker();
        while (true) {
            if (marker == EOI) {
                if (header == null) throw fail("damaged: no frame header before the end of the image");
                if (!scanned) throw fail("damaged: no image data before the end of the image");
                return header;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                marker = nextMarker(); // no length: TEM, RST0–RST7
                continue;
            }
            if (marker == 0xD8) throw fail("damaged: a second start-of-image marker");
            int length = u16();
            if (length < 2) throw fail("damaged: a segment of length " + length + " at byte " + offset);
            if (isFrameHeader(marker)) {
                if (length < 8) throw fail("damaged: a frame header of " + length + " bytes");
                u8(); // sample precision
                int height = u16();
                int width = u16();
                skip(length - 7);
                if (header == null) {
                    if (height == 0 || width == 0) throw fail("damaged: the frame header says " + width + "×" + height
                            + " pixels");
                    header = new ImageFile.Header(ImageFile.Format.JPEG, width, height);
                    if (!whole) return header;
                }
            } else {
                skip(length - 2);
            }
            if (marker == SOS) {
                if (header == null) throw fail("damaged: image data before the frame header");
                scanned = true;
                marker = afterEntropyData();
            } else {
                marker = nextMarker();
            }
        }
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** The marker after a segment: FF, any fill FFs, then the marker code. */
    private int nextMarker() throws IOException {
        int b = u8();
        if (b != 0xFF) throw fail("damaged: no marker at byte " + (offset - 1));
        while (b == 0xFF) b = u8();
        return b;
    }

    /** Skips entropy-coded data, where FF 00 is a data byte and FF D0–D7 a restart; returns the marker after it. */
    private int afterEntropyData() throws IOException {
        while (true) {
            if (u8() != 0xFF) continue;
            int b = u8();
            while (b == 0xFF) b = u8();
            if (b != 0x00 && !(b >= 0xD0 && b <= 0xD7)) return b;
        }
    }

    private int u16() throws IOException {
        return u8() << 8 | u8();
    }

    private int u8() throws IOException {
        offset++;
        if (headAt < head.length) return head[headAt++] & 0xFF;
        int b = in.read();
        if (b < 0) throw fail("truncated: the image ends before its end-of-image marker");
        return b;
    }

    private void skip(int n) throws IOException {
        int left = n;
        while (left > 0 && headAt < head.length) {
            u8();
            left--;
        }
        offset += left;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) throw fail("truncated: the image ends before its end-of-image marker");
                skipped = 1;
            }
            left -= (int) skipped;
        }
    }

    private FileException fail(String problem) {
        return new FileException(file, problem);
    }
}
