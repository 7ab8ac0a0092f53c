package org.convscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurvesCsvTest {
    @TempDir
    Path dir;

    @Test
    void batchRowsWithTheEpochOnTheStepItEndedAndEveryRowAsWideAsTheHeader() throws Exception {
        CurveSnapshot c = new CurveSnapshot(new long[] {1, 2, 4}, new float[] {2.5f, 2f, 1f}, new float[] {2.5f, 2.25f, 1.5f},
                new float[] {0.25f, 0.5f, 0.75f}, List.of(new EpochPoint(0, 2, 2.25, 0.375, 1.75, 0.5),
                        new EpochPoint(1, 3, 1.5, 0.5, 1.25, 0.625)));
        Path file = dir.resolve("curves.csv");
        CurvesCsv.write(file, c);
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of(CurvesCsv.HEADER,
                "1,2.50000,2.50000,0.250000,,,,,",
                "2,2.00000,2.25000,0.500000,1,2.25000,0.375000,1.75000,0.500000",
                "3,,,,2,1.50000,0.500000,1.25000,0.625000",
                "4,1.00000,1.50000,0.750000,,,,,"), lines);
        for (String line : lines) assertEquals(9, line.split(",", -1).length, line);
    }
}
