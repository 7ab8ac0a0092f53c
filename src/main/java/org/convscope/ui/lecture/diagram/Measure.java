package org.convscope.ui.lecture.diagram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** The fonts diagrams are drawn in, and how wide a text is in them, in ems (multiply by the size). */
public final class Measure {
    public static final String MONO = "DejaVu Sans Mono";
    public static final String SANS = "DejaVu Sans";
    /** Texts are measured at this size and scaled: widths grow linearly with the size. */
    private static final double REFERENCE = 100;
    private static final Map<String, Double> WIDTHS = new ConcurrentHashMap<>();

    private Measure() {}

    /** The font of a face at a size in pixels. */
    public static Font font(Item.Face face, double size) {
        return switch (face) {
            case MONO -> Font.font(MONO, FontWeight.BOLD, size);
            case SANS -> Font.font(SANS, FontWeight.NORMAL, size);
            case SANS_BOLD -> Font.font(SANS, FontWeight.BOLD, size);
        };
    }

    /** Width of {@code text} set in {@code face} at size 1. */
    public static double width(String text, Item.Face face) {
        return WIDTHS.computeIfAbsent(face.ordinal() + ":" + text, key -> {
            Text t = new Text(text);
            t.setFont(font(face, REFERENCE));
            return t.getLayoutBounds().getWidth() / REFERENCE;
        });
    }

    /** Width of {@code chars} digits in the monospaced face at size 1. */
    public static double monoWidth(int chars) {
        return chars * width("0", Item.Face.MONO);
    }
}
