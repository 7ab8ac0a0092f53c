package org.convscope.ui.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.scene.paint.Color;

/**
 * The theme's colours for the studio's canvas-drawn views, read from the CSS as {@code -s-text}, {@code -s-good}, …
 * on every node with the style class {@value #STYLE_CLASS} (training.css maps them to the theme's looked-up colours),
 * so a chart, a histogram or the confusion matrix follows the app's light or dark theme and an export never mixes
 * the two. The fallbacks are the dark theme's.
 */
public final class StudioPalette {
    /** The style class of a node that reads this palette. */
    public static final String STYLE_CLASS = "studio-canvas";

    /** What a colour is for. */
    public enum Ink {
        TEXT(0xc9d1d9), STRONG(0xe6edf3), MUTED(0x8b949e), PANEL(0x161b22), BORDER(0x30363d), RAW(0x6e7681),
        SMOOTH(0x58a6ff), TRAIN(0xf0883e), TEST(0x3fb950), GOOD(0x2ea043), BAD(0xda3633), ACCENT(0x58a6ff),
        GAP(0x3a3f47);

        final Color fallback;
        final String property;

        Ink(int rgb) {
            fallback = Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
            property = "-s-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** A node that draws with a palette. */
    public interface Host extends Styleable {
        StudioPalette palette();
    }

    private static final Map<Ink, CssMetaData<Styleable, Color>> META = new EnumMap<>(Ink.class);

    static {
        for (Ink ink : Ink.values()) {
            META.put(ink, new CssMetaData<>(ink.property, ColorConverter.getInstance(), ink.fallback) {
                @Override
                public boolean isSettable(Styleable node) {
                    return true;
                }

                @Override
                public StyleableProperty<Color> getStyleableProperty(Styleable node) {
                    return ((Host) node).palette().properties.get(ink);
                }
            });
        }
    }

    private final Map<Ink, StyleableProperty<Color>> properties = new EnumMap<>(Ink.class);

    /** @param changed called when a colour changes (the theme switched): the host redraws */
    public StudioPalette(Host host, Runnable changed) {
        for (Ink ink : Ink.values()) {
            var p = new SimpleStyleableObjectProperty<>(META.get(ink), host, ink.name(), ink.fallback);
            ((ObservableValue<?>) p).addListener((o, a, b) -> changed.run());
            properties.put(ink, p);
        }
    }

    public Color color(Ink ink) {
        return properties.get(ink).getValue();
    }

    /** The colour at an opacity. */
    public Color color(Ink ink, double opacity) {
        Color c = color(ink);
        return Color.color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * opacity);
    }

    /** The colour as opaque ARGB, for pixel buffers. */
    public int argb(Ink ink) {
        Color c = color(ink);
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** A host's CSS properties: its class's own and the palette's. */
    public static List<CssMetaData<? extends Styleable, ?>> cssMetaData(List<CssMetaData<? extends Styleable, ?>> own) {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(own);
        all.addAll(META.values());
        return Collections.unmodifiableList(all);
    }
}
