package org.convscope.ui.explorer.inspector;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How the inspector writes numbers: three significant digits in labels, two and no leading zero in grid cells. */
public final class InspectorFormat {
    private static final char MINUS = '−';

    private InspectorFormat() {}

    /**
     * Three significant digits, e.g. "1.23", "−0.0456", "123", "1.23e−5" below 0.001 and "1.23e6" from 100 000;
     * exact zero is "0". The text of the inspector's value labels (such as {@code #inspector-total}).
     */
    public static String value(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        String text;
        if (a < 1e-3 || a >= 1e5) {
            text = String.format(Locale.ROOT, "%.2e", a).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
        } else {
            text = new BigDecimal(a).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return (v < 0 ? MINUS + text : text).replace('-', MINUS);
    }

    /**
     * At most four characters for a small grid cell, without the leading zero: two decimals below 0.1 ("−.06"), two
     * significant digits above (".12", "1.2", "12"), whole numbers from 100; "≈0" below 0.005 and "0" for exact zero.
     * The minus is a true minus sign, as everywhere in the app; the grid squeezes a wide cell's text to fit.
     */
    public static String cell(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a < 0.005) return "≈0";
        BigDecimal d = new BigDecimal(a);
        String text = a >= 100 ? d.setScale(0, RoundingMode.HALF_EVEN).toPlainString()
                : a < 0.1 ? d.setScale(2, RoundingMode.HALF_EVEN).toPlainString()
                : d.round(new MathContext(2)).stripTrailingZeros().toPlainString();
        if (text.startsWith("0.")) text = text.substring(1);
        return v < 0 ? MINUS + text : text;
    }
}
