package org.convscope.lecture;

import java.util.ArrayList;
import java.util.List;

/**
 * A matrix typed by hand: one row per line, numbers separated by spaces or commas; a blank line starts the next
 * channel. Brackets are ignored, so "[[1, 2], [3, 4]]" on one line per row works too. Errors say where, in words.
 */
public final class MatrixText {
    private MatrixText() {}

    public static Volume parse(String text) {
        List<List<float[]>> channels = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        String[] lines = text.replace("[", " ").replace("]", " ").replace('−', '-').split("\\R", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l].strip();
            if (line.isEmpty()) {
                if (!rows.isEmpty()) channels.add(rows);
                rows = new ArrayList<>();
                continue;
            }
            String[] tokens = line.split("[,;\\s]+");
            List<Float> numbers = new ArrayList<>();
            for (String token : tokens) {
                if (token.isEmpty()) continue;
                try {
                    numbers.add(Float.parseFloat(token));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + (l + 1) + ": \"" + token + "\" is not a number");
                }
            }
            float[] row = new float[numbers.size()];
            for (int i = 0; i < row.length; i++) row[i] = numbers.get(i);
            rows.add(row);
        }
        if (!rows.isEmpty()) channels.add(rows);
        if (channels.isEmpty()) throw new IllegalArgumentException("type at least one number");
        float[][][] volume = new float[channels.size()][][];
        for (int c = 0; c < volume.length; c++) volume[c] = channels.get(c).toArray(new float[0][]);
        return Volume.of(volume);
    }
}
