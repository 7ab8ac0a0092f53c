package org.convscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.convscope.io.FileException;

/**
 * Walks a PNG file's chunks after its signature: the first is IHDR (the size), every chunk's CRC-32 must match, image
 * data (IDAT) must come before IEND, and nothing may follow IEND. Reads as it goes, allocating nothing per chunk.
 */
final class PngCheck {
    private final Path file;
    private final InputStream in;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[8192];

    PngCheck(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /** The header; with {@code whole} only after every chunk is checked, else once IHDR is. */
    ImageFile.Header run(boolean whole) throws IOException {
        ImageFile.Header header = null;
        boolean imageData = false;
        while (true) {
            byte[] lengthAndType = in.readNBytes(8);
            if (lengthAndType.length < 8) {
                throw fail("truncated: the image ends before its IEND chunk");
            }
            long length = uint32(lengthAndType, 0);
            String type = chunkType(lengthAndType);
            if (header == null && !type.equals("IHDR")) throw fail("damaged: the first chunk is not IHDR");
            if (length > Integer.MAX_VALUE) {
                throw fail("damaged: chunk " + type + " claims " + length + " bytes, more than PNG allows");
            }
            crc.reset();
            crc.update(lengthAndType, 4, 4);
            if (type.equals("IHDR")) {
                if (header != null) throw fail("damaged: a second IHDR chunk");
                header = ihdr((int) length);
            } else {
                skipChecked(type, length);
            }
            long stored = uint32(readFully(4, type), 0);
            if (stored != crc.getValue()) throw fail("damaged: chunk " + type + " has a wrong CRC");
            if (!whole) return header;
            if (type.equals("IDAT")) imageData = true;
            if (type.equals("IEND")) {
                if (!imageData) throw fail("damaged: no image data (IDAT) before IEND");
                if (in.read() >= 0) throw fail("damaged: data after the end of the image (IEND)");
                return header;
            }
        }
    }

    private ImageFile.Header ihdr(int length) throws IOException {
        if (length != 13) throw fail("damaged: IHDR has " + length + " bytes, expected 13");
        byte[] data = readFully(13, "IHDR");
        crc.update(data);
        long width = uint32(data, 0);
        long height = uint32(data, 4);
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw fail("damaged: IHDR says " + width + "×" + height + " pixels");
        }
        return new ImageFile.Header(ImageFile.Format.PNG, (int) width, (int) height);
    }

    private void skipChecked(String type, long length) throws IOException {
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw fail("truncated: chunk " + type + " claims " + length + " bytes, the file ends after "
                        + (length - left));
            }
            crc.update(buffer, 0, read);
            left -= read;
        }
    }

    private byte[] readFully(int n, String type) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) throw fail("truncated: the file ends inside chunk " + type);
        return bytes;
    }

    /** Four ASCII letters, as PNG requires; anything else means the chunk boundaries are lost. */
    private String chunkType(byte[] lengthAndType) throws FileException {
        StringBuilder type = new StringBuilder(4);
        for (int i = 4; i < 8; i++) {
            char c = (char) (lengthAndType[i] & 0xFF);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) throw fail("damaged: a chunk type is not four letters");
            type.append(c);
        }
        return type.toString();
    }

    private static long uint32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | b[at + 3] & 0xFFL;
    }

    private FileException fail(String problem) {
        return new FileException(file, problem);
    }
}
