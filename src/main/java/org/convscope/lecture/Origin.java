package org.convscope.lecture;

import org.convscope.engine.Dims;

/**
 * Where the numbers of a grid come from, in words ("the lesson's image", "test digit 17", "the sharpen preset"), and
 * the rule that fills the cells a larger size adds, which the screen states: zeros, the preset at the new size, or
 * seeded random whole numbers. Old cells keep their numbers wherever they still have a place.
 */
public record Origin(String words, Growth growth) {
    public Origin {
        if (words == null || words.isBlank()) throw new IllegalArgumentException("origin without words");
        if (growth == null) throw new IllegalArgumentException("origin \"" + words + "\" without a growth rule");
    }

    /** Numbers written out (in the lesson file or typed): a larger size adds zeros. */
    public static Origin written(String words) {
        return new Origin(words, new Zeros());
    }

    /** What fills the cells a larger size adds. */
    public sealed interface Growth permits Zeros, Random, Preset {
        /** The rule in words, e.g. "new cells are 0". */
        String words();
    }

    /** New cells are 0; a filter's new channels repeat its first one (as a preset is repeated over the depth). */
    public record Zeros() implements Growth {
        @Override
        public String words() {
            return "new cells are 0";
        }
    }

    /** New cells are whole numbers from min to max, the same for the same seed. */
    public record Random(int min, int max, long seed) implements Growth {
        public Random {
            if (max < min) throw new IllegalArgumentException("random numbers from " + min + " to " + max + ": max below min");
        }

        @Override
        public String words() {
            return "new cells are random whole numbers " + Numbers.format(min) + " to " + Numbers.format(max)
                    + " (seed " + seed + ")";
        }
    }

    /** The kernel is the preset at whatever size it takes ({@link KernelPreset#kernel(int)}). */
    public record Preset(KernelPreset preset) implements Growth {
        @Override
        public String words() {
            return "the " + preset.label() + " preset at the new size";
        }
    }

    /**
     * {@code old} at the new size: cells that still have a place keep their numbers, new ones follow the rule. For a
     * filter ({@code filter} true), new channels repeat the old ones unless the rule is random.
     */
    public Volume grow(Volume old, Dims to, boolean filter) {
        Volume fill = switch (growth) {
            case Zeros z -> Volume.zeros(to);
            case Random r -> RandomVolume.integers(to, r.min(), r.max(), r.seed());
            case Preset p -> repeated(p.preset().kernel(to.height()), to.channels());
        };
        if (growth instanceof Preset) return fill;
        float[] values = fill.values().clone();
        boolean repeat = filter && !(growth instanceof Random);
        for (int c = 0; c < to.channels(); c++) {
            int from = c < old.channels() ? c : repeat ? c % old.channels() : -1;
            if (from < 0) continue;
            for (int y = 0; y < Math.min(old.height(), to.height()); y++) {
                for (int x = 0; x < Math.min(old.width(), to.width()); x++) {
                    values[(c * to.height() + y) * to.width() + x] = old.at(from, y, x);
                }
            }
        }
        return new Volume(to, values);
    }

    /** A one-channel kernel repeated over {@code depth} channels. */
    static Volume repeated(Volume kernel, int depth) {
        int n = kernel.values().length;
        float[] values = new float[depth * n];
        for (int c = 0; c < depth; c++) System.arraycopy(kernel.values(), 0, values, c * n, n);
        return new Volume(new Dims(depth, kernel.height(), kernel.width()), values);
    }
}
