package org.convscope.data;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.convscope.io.FileException;
import org.convscope.io.FileSignature;
import org.convscope.io.MemoryBudget;

/**
 * The picture files ConvScope reads: PNG and JPEG, nothing else, checked before they are decoded. The size comes from
 * the file's header (PNG's IHDR chunk, JPEG's frame header) and is compared with {@value #MAX_MEGAPIXELS} megapixels
 * and the heap before a pixel is decoded. {@link #read} first checks the whole structure, so that a damaged file is
 * refused instead of decoded in part: PNG chunk by chunk with each CRC-32, through IEND and nothing after it; JPEG
 * segment by segment through its end-of-image marker (data after it, such as a phone's motion photo, is allowed).
 */
public final class ImageFile {
    /** Largest picture read, in megapixels (e.g. 5000×5000). */
    public static final int MAX_MEGAPIXELS = 25;
    private static final long MAX_PIXELS = MAX_MEGAPIXELS * 1_000_000L;
    /** Memory per pixel while a picture is decoded and converted: the decoded raster and the float planes. */
    private static final int BYTES_PER_PIXEL = 24;
    private static final int BUFFER = 1 << 16;
    private static final int PNG_SIGNATURE = 8;

    private ImageFile() {}

    /** PNG or JPEG. */
    public enum Format { PNG, JPEG }

    /** What a file's header says: its format and size in pixels. */
    public record Header(Format format, int width, int height) {}

    /** Format and size from the file's header, checked against the pixel limit and the heap; nothing is decoded. */
    public static Header header(Path file) throws FileException {
        return check(file, false);
    }

    /** The whole file checked, then decoded. */
    public static BufferedImage read(Path file) throws FileException {
        Header header = check(file, true);
        try {
            ImageReader reader = reader(header.format());
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IIOException e) {
            throw new FileException(file, "cannot decode the image: " + FileException.cut(describe(e), 80), e);
        } catch (IOException e) {
            throw new FileException(file, "cannot read: " + FileException.reason(e), e);
        } catch (RuntimeException e) {
            throw new FileException(file, "cannot decode the image: damaged or of a kind not supported", e);
        }
    }

    /** An image reader of this format, to read a header's details (call {@link ImageReader#dispose()}). */
    static ImageReader reader(Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format == Format.PNG ? "png" : "jpeg");
        return readers.next();
    }

    private static String describe(IIOException e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause().getMessage() != null) {
            t = t.getCause();
            message = message + ": " + t.getMessage();
        }
        return message;
    }

    private static Header check(Path file, boolean whole) throws FileException {
        if (!Files.exists(file)) throw new FileException(file, "no such file");
        if (!Files.isRegularFile(file)) throw new FileException(file, "not a regular file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            byte[] head = in.readNBytes(FileSignature.LENGTH);
            Header header;
            if (FileSignature.of(head).orElse("").equals("a PNG image")) {
                InputStream afterSignature = new SequenceInputStream(
                        new ByteArrayInputStream(head, PNG_SIGNATURE, head.length - PNG_SIGNATURE), in);
                header = new PngCheck(file, afterSignature).run(whole);
            } else if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
                header = new JpegCheck(file, in, head).run(whole);
            } else {
                String kind = FileSignature.of(head).map(k -> " (it is " + k + ")").orElse("");
                throw new FileException(file, "not a PNG or JPG image" + kind);
            }
            long pixels = (long) header.width() * header.height();
            if (pixels > MAX_PIXELS) {
                throw new FileException(file, String.format(Locale.ROOT,
                        "%d×%d pixels is more than the limit of %d megapixels", header.width(), header.height(),
                        MAX_MEGAPIXELS));
            }
            MemoryBudget.require(file, pixels * BYTES_PER_PIXEL,
                    "decoding " + header.width() + "×" + header.height() + " pixels");
            return header;
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(file, "cannot read: " + FileException.reason(e), e);
        }
    }
}
