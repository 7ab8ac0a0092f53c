package org.convscope.lecture;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How one frame writes its numbers so that what the screen shows adds up: whole numbers; one or two decimals;
 * fractions over a common denominator q (1/9, 2/9 … shown as fractions, so nine 1/9 add to 1); or three decimals.
 * {@link #choose} takes the first of these under which every shown number is exact, every shown product is the product
 * of its shown factors and every shown sum the sum of its shown terms. When none is, the style is
 * {@linkplain #approximate() approximate}: two decimals, a sum that does not add up is written with "≈" and the exact
 * value is offered on hover ({@link #exactText}).
 */
public record NumberStyle(int denominator, int decimals, boolean approximate) {
    public static final NumberStyle WHOLE = new NumberStyle(1, 0, false);
    private static final NumberStyle APPROXIMATE = new NumberStyle(1, 2, true);
    private static final int MAX_DENOMINATOR = 64;
    /** Numbers beyond this are not checked digit by digit (their products would overflow a long). */
    private static final double LARGEST = 1e6;

    public NumberStyle {
        if (denominator < 1 || decimals < 0 || denominator > 1 && decimals > 0) {
            throw new IllegalArgumentException("number style over " + denominator + " with " + decimals
                    + " decimals: expected a denominator of 1 or no decimals");
        }
    }

    /** What the shown numbers must satisfy: shown values exact, products of shown factors, sums of shown terms. */
    public static final class Facts {
        private final Set<Double> values = new HashSet<>();
        /** Factor pairs as two float bit patterns; their product is the float product, as the steppers compute it. */
        private final Set<Long> products = new HashSet<>();
        private final List<double[]> sums = new ArrayList<>();

        /** A number shown on its own. */
        public Facts value(double v) {
            values.add(v);
            return this;
        }

        /** a × b (in float, as the steppers multiply), all three shown. */
        public Facts product(float a, float b) {
            products.add((long) Float.floatToIntBits(a) << 32 | Float.floatToIntBits(b) & 0xFFFFFFFFL);
            return this;
        }

        /** The terms add up to the sum, all shown. */
        public Facts sum(double[] terms, double sum) {
            double[] row = java.util.Arrays.copyOf(terms, terms.length + 1);
            row[terms.length] = sum;
            sums.add(row);
            return this;
        }
    }

    /** The first exact style for these facts: whole, 1 or 2 decimals, fractions, 3 decimals; else approximate. */
    public static NumberStyle choose(Facts facts) {
        List<NumberStyle> candidates = new ArrayList<>(List.of(WHOLE, new NumberStyle(1, 1, false),
                new NumberStyle(1, 2, false)));
        for (int q = 2; q <= MAX_DENOMINATOR; q++) candidates.add(new NumberStyle(q, 0, false));
        candidates.add(new NumberStyle(1, 3, false));
        for (NumberStyle style : candidates) if (style.holds(facts)) return style;
        return APPROXIMATE;
    }

    /** Units of the last shown digit per 1: 10^decimals, or the denominator. */
    private long units() {
        return denominator > 1 ? denominator : (long) Math.pow(10, decimals);
    }

    private boolean holds(Facts f) {
        for (double v : f.values) if (!exact(v)) return false;
        for (long pair : f.products) {
            float a = Float.intBitsToFloat((int) (pair >>> 32));
            float b = Float.intBitsToFloat((int) pair);
            float product = a * b;
            if (!exact(a) || !exact(b) || !exact(product)) return false;
            try {
                long lhs = Math.multiplyExact(shownUnits(a), shownUnits(b));
                if (lhs != Math.multiplyExact(shownUnits(product), units())) return false;
            } catch (ArithmeticException overflow) {
                return false;
            }
        }
        for (double[] row : f.sums) {
            for (double v : row) if (!exact(v)) return false;
            if (!addsUp(row, row.length - 1)) return false;
        }
        return true;
    }

    /** The value as a count of the last shown digit (rounded). */
    private long shownUnits(double v) {
        return Math.round(v * units());
    }

    /** Whether {@link #format} shows {@code v} exactly (to float precision). */
    public boolean exact(double v) {
        if (!Double.isFinite(v)) return false;
        if (Math.abs(v) > LARGEST) return v == Math.rint(v) && denominator == 1 && decimals == 0;
        double scaled = v * units();
        return Math.abs(scaled - Math.rint(scaled)) <= 1e-5 * Math.max(1, Math.abs(scaled));
    }

    /** Whether the shown terms add up to the shown sum. */
    public boolean addsUp(double[] terms, double sum) {
        double[] row = java.util.Arrays.copyOf(terms, terms.length + 1);
        row[terms.length] = sum;
        return addsUp(row, terms.length);
    }

    private boolean addsUp(double[] row, int sumIndex) {
        long total = 0;
        for (int i = 0; i < sumIndex; i++) {
            if (Math.abs(row[i]) > LARGEST) return false;
            total += shownUnits(row[i]);
        }
        return Math.abs(row[sumIndex]) <= LARGEST && total == shownUnits(row[sumIndex]);
    }

    /** The number as this style shows it: "3", "0.25", "2/9", "−1/16", with a true minus sign. */
    public String format(double v) {
        if (!Double.isFinite(v) || Math.abs(v) > LARGEST) return Numbers.format(v);
        if (denominator > 1) {
            if (!exact(v)) return Numbers.format(v);
            long n = shownUnits(v);
            long g = gcd(Math.abs(n), denominator);
            long num = n / g;
            long den = denominator / g;
            return Notation.minus(den == 1 ? Long.toString(num) : num + "/" + den);
        }
        String text = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        if (text.equals("-0") || text.matches("-0\\.?0*")) text = "0";
        return Notation.minus(text);
    }

    /** The value with every digit it has, for a hover over a number shown rounded: "4.3199997". */
    public static String exactText(double v) {
        String text = v == (float) v ? Float.toString((float) v) : Double.toString(v);
        if (text.endsWith(".0")) text = text.substring(0, text.length() - 2);
        return Notation.minus(text.contains("E") ? new BigDecimal(text).toPlainString() : text);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? Math.max(1, a) : gcd(b, a % b);
    }
}
