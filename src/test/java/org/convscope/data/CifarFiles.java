package org.convscope.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small CIFAR-10 binary batches for tests: records whose pixels say which image and channel they are. */
public final class CifarFiles {
    private CifarFiles() {}

    /**
     * Writes a batch of records with these labels; pixel (c, y, x) of record i is (i·7 + c·50 + y + x) mod 256, so
     * the channels differ and every image is its own.
     */
    public static Path write(Path file, int... labels) {
        byte[] bytes = new byte[labels.length * Cifar10.RECORD];
        for (int i = 0; i < labels.length; i++) {
            int at = i * Cifar10.RECORD;
            bytes[at] = (byte) labels[i];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) bytes[at + 1 + (c * 32 + y) * 32 + x] = (byte) pixel(i, c, y, x);
                }
            }
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pixel(int record, int channel, int y, int x) {
        return (record * 7 + channel * 50 + y + x) % 256;
    }

    /** A folder with two training batches (3 and 2 images) and a test batch of 4 images. */
    public static Path folder(Path dir) {
        write(dir.resolve("data_batch_1.bin"), 0, 1, 2);
        write(dir.resolve("data_batch_2.bin"), 9, 3);
        write(dir.resolve("test_batch.bin"), 1, 0, 9, 2);
        return dir;
    }
}
