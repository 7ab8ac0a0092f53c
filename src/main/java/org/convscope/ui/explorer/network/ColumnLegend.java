package org.convscope.ui.explorer.network;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.convscope.lecture.Notation;
import org.convscope.ui.view.ColorMap;

/**
 * A column's colour bar as wide as the column, its range below, and what the range is (layer, map, global): the
 * narrow counterpart of {@link org.convscope.ui.view.ColorLegend}.
 */
final class ColumnLegend extends VBox {
    private final ImageView bar = new ImageView();
    // Text, not Label: they change with every frame, and a label's skin re-measures and clips its text each time.
    private final Text low = new Text();
    private final Text high = new Text();
    private final Label scope = new Label();
    private ColorMap shown;

    private final int width;

    ColumnLegend(double width) {
        this.width = (int) width;
        getStyleClass().add("column-legend");
        setAlignment(Pos.CENTER);
        bar.setFitWidth(width);
        bar.setFitHeight(8);
        BorderPane ends = new BorderPane();
        ends.setLeft(low);
        ends.setRight(high);
        ends.setMaxWidth(width);
        low.getStyleClass().add("legend-value");
        high.getStyleClass().add("legend-value");
        scope.getStyleClass().add("legend-scope");
        getChildren().addAll(bar, ends, scope);
    }

    void show(ColorMap map, float min, float max, String scopeText) {
        if (map != shown) {
            WritableImage image = new WritableImage(width, 8); // screen size: a scaled bar comes out striped
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < 8; y++) image.getPixelWriter().setArgb(x, y, map.argbAt(x / (width - 1.0)));
            }
            bar.setImage(image);
            shown = map;
        }
        float[] range = map.displayRange(min, max);
        low.setText(format(range[0]));
        high.setText(format(range[1]));
        scope.setText(scopeText);
    }

    /** Two or three significant digits, without exponent noise for everyday values: "0.45", "3.29", "15.3". */
    static String format(float v) {
        if (v == 0) return "0";
        float a = Math.abs(v);
        if (a >= 100 || a < 0.01) return Notation.minus(String.format(Locale.ROOT, "%.1e", v));
        return Notation.minus(String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v));
    }
}
