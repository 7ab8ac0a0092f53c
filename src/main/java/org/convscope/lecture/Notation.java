package org.convscope.lecture;

import java.util.List;
import org.convscope.engine.Dims;

/**
 * How the lecture writes sizes, positions and terms, one way on every screen (other views can adopt it): volumes as
 * the classic texts write them, height × width × depth ("32×32×3"); positions counted from 1 in words ("row 2,
 * column 3", "filter 1 of 6") and in indices alike ("out[2, 3]", "out[2, 3, 1]" = row, column, depth); a true minus
 * sign; a negative term in a sum in brackets ("4 + (−1)").
 */
public final class Notation {
    /** The minus sign, which a projector shows better than a hyphen. */
    public static final char MINUS = '−';

    private Notation() {}

    /** "32×32×3": height × width × depth; a vector of n units is "n". */
    public static String size(Dims d) {
        return d.isVector() ? Integer.toString(d.channels()) : size(d.height(), d.width(), d.channels());
    }

    /** "28×28×6": height × width × depth. */
    public static String size(int height, int width, int depth) {
        return height + "×" + width + "×" + depth;
    }

    /** "5×5": height × width of one map or kernel. */
    public static String size(int height, int width) {
        return height + "×" + width;
    }

    /** "[2, 3]": row and column of a 0-based cell, counted from 1. */
    public static String index(int row, int col) {
        return "[" + (row + 1) + ", " + (col + 1) + "]";
    }

    /** "[2, 3, 1]": row, column and depth (map or channel) of a 0-based cell, counted from 1, in the order of a size. */
    public static String index(int row, int col, int depth) {
        return "[" + (row + 1) + ", " + (col + 1) + ", " + (depth + 1) + "]";
    }

    /** "[3]": element of a 0-based vector index, counted from 1. */
    public static String index(int i) {
        return "[" + (i + 1) + "]";
    }

    /** "row 2, column 3" for a 0-based cell. */
    public static String position(int row, int col) {
        return "row " + (row + 1) + ", column " + (col + 1);
    }

    /** "2 of 6" for 0-based item {@code i} of {@code count}. */
    public static String of(int i, int count) {
        return (i + 1) + " of " + count;
    }

    /** A formatted number as a term after "+" or "×": negative numbers in brackets, "(−1)". */
    public static String term(String number) {
        return number.startsWith(String.valueOf(MINUS)) ? "(" + number + ")" : number;
    }

    /** Terms joined by " + ", negative ones in brackets: "4 + (−1) + 2". */
    public static String sum(List<String> numbers) {
        StringBuilder text = new StringBuilder();
        for (String n : numbers) text.append(text.isEmpty() ? n : " + " + term(n));
        return text.toString();
    }

    /** Every hyphen-minus in {@code text} as a true minus sign. */
    public static String minus(String text) {
        return text.replace('-', MINUS);
    }

    /** The name of input channel {@code c} of {@code depth}: R, G, B for three channels, else "channel 2". */
    public static String channel(int c, int depth) {
        return depth == 3 ? String.valueOf("RGB".charAt(c)) : "channel " + (c + 1);
    }

    /** "1 filter", "6 filters". */
    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
