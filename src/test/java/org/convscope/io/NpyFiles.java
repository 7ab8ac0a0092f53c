package org.convscope.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-made .npy files for the tests: any version, any header text, any data bytes. */
final class NpyFiles {
    private NpyFiles() {}

    /** The preamble of {@code version} with a header length field of {@code headerLength}. */
    static byte[] preamble(int version, long headerLength) {
        int lengthBytes = version == 1 ? 2 : 4;
        ByteBuffer out = ByteBuffer.allocate(8 + lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (lengthBytes == 2) {
            out.putShort((short) headerLength);
        } else {
            out.putInt((int) headerLength);
        }
        return out.array();
    }

    /** A file of the given version with {@code header} (UTF-8) and {@code data} after it. */
    static Path write(Path dir, String name, int version, String header, byte[] data)
            throws IOException {
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(preamble(version, text.length));
        out.write(text);
        out.write(data);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    /** A float32 header of this shape text, e.g. {@code "(2, 3)"}. */
    static String header(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
    }

    static byte[] floats(float... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        out.asFloatBuffer().put(values);
        return out.array();
    }

    static byte[] doubles(double... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        out.asDoubleBuffer().put(values);
        return out.array();
    }
}
