package org.convscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.convscope.data.DatasetException;
import org.convscope.data.Idx;

/**
 * IDX files, raw or gzipped: any bytes are read as images and as labels, or refused in one line, and a claim is never
 * paid for before the bytes are there. Seeds: {@code IdxFuzzTestInputs}.
 */
class IdxFuzzTest {
    private static final Path FILE = OneLine.scratch("train-images-idx3-ubyte.gz");

    @FuzzTest
    void read(byte[] bytes) {
        OneLine.write(FILE, bytes);
        try {
            Idx.readImages(FILE);
        } catch (DatasetException e) {
            OneLine.assertFit(FILE.toString(), e.getMessage(), bytes);
        }
        try {
            Idx.readLabels(FILE);
        } catch (DatasetException e) {
            OneLine.assertFit(FILE.toString(), e.getMessage(), bytes);
        }
    }
}
