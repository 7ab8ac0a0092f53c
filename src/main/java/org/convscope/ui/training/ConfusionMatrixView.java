package org.convscope.ui.training;

import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convscope.engine.train.Evaluation;

/**
 * The test set's confusion matrix: a row per true class, a column per predicted class, each cell shaded by its share
 * of the row and labelled with its count; the diagonal in green, mistakes in red. Clicking a cell reports it.
 */
final class ConfusionMatrixView extends Region {
    private static final double MARGIN = 26;

    private final Canvas canvas = new Canvas();
    private Evaluation evaluation;
    private BiConsumer<Integer, Integer> onCell = (t, p) -> {};

    ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
        getChildren().add(canvas);
        setMinSize(160, 160);
        setPrefSize(340, 340);
        canvas.setOnMouseClicked(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell != null) onCell.accept(cell[0], cell[1]);
        });
    }

    void setOnCell(BiConsumer<Integer, Integer> handler) {
        onCell = handler;
    }

    void show(Evaluation eval) {
        if (eval == evaluation) return; // the same evaluation arrives with every training frame until the next one
        evaluation = eval;
        draw();
    }

    /** {true class, predicted class} under the point, or null. */
    int[] cellAt(double x, double y) {
        if (evaluation == null) return null;
        int n = evaluation.confusion().length;
        double size = cellSize(n);
        int col = (int) Math.floor((x - MARGIN) / size);
        int row = (int) Math.floor((y - MARGIN) / size);
        return row >= 0 && row < n && col >= 0 && col < n ? new int[] {row, col} : null;
    }

    private double cellSize(int n) {
        return Math.max(4, (Math.min(canvas.getWidth(), canvas.getHeight()) - MARGIN) / n);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (evaluation == null) return;
        int[][] m = evaluation.confusion();
        int n = m.length;
        double size = cellSize(n);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(Math.max(8, Math.min(12, size / 3))));
        g.setFill(Color.web("#8b949e"));
        g.fillText("predicted →", MARGIN + size * n / 2, 7);
        for (int i = 0; i < n; i++) {
            g.fillText(Integer.toString(i), MARGIN + size * (i + 0.5), 19);
            g.fillText(Integer.toString(i), 13, MARGIN + size * (i + 0.5));
        }
        for (int t = 0; t < n; t++) {
            int row = 0;
            for (int c : m[t]) row += c;
            for (int p = 0; p < n; p++) {
                double share = row == 0 ? 0 : (double) m[t][p] / row;
                Color base = t == p ? Color.web("#2ea043") : Color.web("#da3633");
                double strength = t == p ? share : Math.min(1, share * 8);
                g.setFill(Color.web("#161b22").interpolate(base, strength));
                double x = MARGIN + p * size;
                double y = MARGIN + t * size;
                g.fillRect(x, y, size - 1, size - 1);
                if (m[t][p] > 0 && size >= 18) {
                    g.setFill(Color.web("#e6edf3"));
                    g.fillText(Integer.toString(m[t][p]), x + size / 2, y + size / 2);
                }
            }
        }
    }
}
