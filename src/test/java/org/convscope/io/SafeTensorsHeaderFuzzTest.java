package org.convscope.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.convscope.fuzz.OneLine;

/**
 * The safetensors header parser on any header and any data-section size: it accepts a header whose entries tile the
 * data exactly, or refuses it in one line, quickly, whatever it claims. An input is the data section's size (8 bytes,
 * big-endian, modulo 2⁴⁰) and then the header. Seeds: {@code SafeTensorsHeaderFuzzTestInputs}.
 */
class SafeTensorsHeaderFuzzTest {
    private static final Path FILE = Path.of("model.safetensors");

    @FuzzTest
    void header(byte[] input) {
        if (input.length < Long.BYTES) return;
        long dataBytes = ByteBuffer.wrap(input).getLong() & ((1L << 40) - 1);
        byte[] header = Arrays.copyOfRange(input, Long.BYTES, input.length);
        try {
            SafeTensorsHeader.Header parsed = SafeTensorsHeader.parse(FILE, header, dataBytes);
            long covered = parsed.entries().stream().mapToLong(e -> e.end() - e.begin()).sum();
            if (covered != dataBytes) throw new AssertionError("accepted entries covering " + covered + " of " + dataBytes);
        } catch (FileException e) {
            OneLine.assertFit("model.safetensors", e.getMessage(), input);
        }
    }
}
