package org.convscope.ui.explorer.network;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One map's own value range beside its tile, for normalisation per map: the value of the brightest colour at the top,
 * of the darkest at the bottom. Drawn on a canvas, so that new numbers every frame lay nothing out; the colour comes
 * from the CSS ({@code -x-scale-fill}) so that it follows the theme.
 */
final class MapScale extends Canvas {
    static final double WIDTH = 38;
    private static final StyleablePropertyFactory<MapScale> CSS = new StyleablePropertyFactory<>(Canvas.getClassCssMetaData());
    private static final Font FONT = Font.font(10.5);

    private final StyleableProperty<Color> fill =
            CSS.createStyleableColorProperty(this, "scaleFill", "-x-scale-fill", s -> s.fill, Color.GRAY);
    private float low = Float.NaN;
    private float high = Float.NaN;

    MapScale(double height) {
        super(WIDTH, height);
        getStyleClass().add("map-scale");
        ((ObservableValue<?>) fill).addListener((o, old, c) -> draw());
    }

    /** Shows the range the map is painted with. */
    void show(float min, float max) {
        if (min == low && max == high) return;
        low = min;
        high = max;
        draw();
    }

    /** The numbers shown, top then bottom, for tests. */
    String[] texts() {
        return new String[] {ColumnLegend.format(high), ColumnLegend.format(low)};
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (Float.isNaN(low)) return;
        g.setFill(fill.getValue());
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(ColumnLegend.format(high), 3, 0);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(ColumnLegend.format(low), 3, getHeight());
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
