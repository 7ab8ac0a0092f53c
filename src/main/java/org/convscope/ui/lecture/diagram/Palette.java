package org.convscope.ui.lecture.diagram;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The theme's colours for each {@link Ink}, read from the CSS as {@code -d-text}, {@code -d-accent}, … on the diagram
 * view (lecture.css maps them to the theme's looked-up colours), so a canvas-drawn diagram follows the theme.
 */
final class Palette {
    private static final StyleablePropertyFactory<DiagramView> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final Map<Ink, CssMetaData<DiagramView, Color>> META = new EnumMap<>(Ink.class);
    private static final Color[] FALLBACK = {Color.BLACK, Color.GRAY, Color.ORANGERED, Color.ROYALBLUE, Color.GRAY,
            Color.LIGHTGRAY, Color.GRAY, Color.RED, Color.WHITE, Color.rgb(178, 24, 43), Color.rgb(33, 102, 172),
            Color.RED, Color.GREEN, Color.BLUE};

    static {
        for (Ink ink : Ink.values()) {
            String name = "-d-" + ink.name().toLowerCase(java.util.Locale.ROOT);
            META.put(ink, CSS.createColorCssMetaData(name, v -> v.palette().property(ink), FALLBACK[ink.ordinal()]));
        }
    }

    private final Map<Ink, StyleableProperty<Color>> properties = new EnumMap<>(Ink.class);

    Palette(DiagramView view, Runnable changed) {
        for (Ink ink : Ink.values()) {
            StyleableProperty<Color> p = new javafx.css.SimpleStyleableObjectProperty<>(META.get(ink), view,
                    ink.name(), FALLBACK[ink.ordinal()]);
            ((javafx.beans.value.ObservableValue<?>) p).addListener((o, a, b) -> changed.run());
            properties.put(ink, p);
        }
    }

    StyleableProperty<Color> property(Ink ink) {
        return properties.get(ink);
    }

    Color color(Ink ink) {
        return properties.get(ink).getValue();
    }

    /** The ink at an opacity. */
    Color color(Ink ink, double alpha) {
        Color c = color(ink);
        return Color.color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * alpha);
    }

    static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new java.util.ArrayList<>(Region.getClassCssMetaData());
        all.addAll(META.values());
        return all;
    }
}
