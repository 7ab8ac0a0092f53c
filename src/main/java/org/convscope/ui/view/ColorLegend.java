package org.convscope.ui.view;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;

/** A colour bar with the value at each end: what the colours of a map mean. */
public final class ColorLegend extends HBox {
    private final Label min = new Label();
    private final Label max = new Label();
    private final ImageView bar = new ImageView();

    public ColorLegend() {
        getStyleClass().add("color-legend");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        bar.setFitHeight(10);
        bar.setFitWidth(80);
        bar.setSmooth(true);
        getChildren().addAll(min, bar, max);
    }

    /** Shows the map over [low, high] (widened around 0 for symmetric maps). */
    public void show(ColorMap map, float low, float high) {
        float[] range = map.displayRange(low, high);
        WritableImage image = new WritableImage(64, 1);
        for (int i = 0; i < 64; i++) image.getPixelWriter().setArgb(i, 0, map.argbAt(i / 63.0));
        bar.setImage(image);
        min.setText(format(range[0]));
        max.setText(format(range[1]));
    }

    static String format(float v) {
        if (v == 0) return "0";
        float a = Math.abs(v);
        return a >= 100 || a < 0.01 ? String.format(Locale.ROOT, "%.2g", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
