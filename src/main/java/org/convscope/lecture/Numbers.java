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
}
