package org.convscope.lecture;

import java.util.Locale;

/** Numbers as a lecture shows them: whole numbers without decimals, others with at most two. */
public final class Numbers {
    private Numbers() {}

    public static String format(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e7) return minus(String.valueOf((long) v));
        double a = Math.abs(v);
        if (a >= 1e5 || a < 0.005) return minus(String.format(Locale.ROOT, "%.2e", v));
        String text = String.format(Locale.ROOT, "%.2f", v);
        text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        return minus(text);
    }

    /** A true minus sign, which a projector shows better than a hyphen. */
    private static String minus(String text) {
        return text.replace('-', '−');
    }

    /**
     * A number as a lecturer types it into a cell: "3", "−0.5" (true minus or hyphen), "0,25" or a fraction "1/9".
     * Throws IllegalArgumentException saying, in words, why the text is not a number.
     */
    public static float parse(String text) {
        String t = text == null ? "" : text.strip().replace('−', '-').replace(',', '.');
        if (t.isEmpty()) throw new IllegalArgumentException("type a number");
        try {
            int slash = t.indexOf('/');
            double v = slash < 0 ? Double.parseDouble(t)
                    : Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
            if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
                throw new IllegalArgumentException("\"" + text.strip() + "\" is not a finite number");
            }
            return (float) v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a number: type e.g. 2, −0.5 or 1/9");
        }
    }
}
