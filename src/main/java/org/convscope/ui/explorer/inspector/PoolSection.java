package org.convscope.ui.explorer.inspector;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitExplanation.PoolUnit;
import org.convscope.ui.view.ColorMap;

/** A pooling unit: its window with the winner outlined (max), then the max, the mean or √Σx². */
final class PoolSection {
    private PoolSection() {}

    static Node of(PoolUnit pool, String inputName) {
        int n = pool.spec().window();
        ValueGrid grid = new ValueGrid(pool.window(), n, n, ColorMap.DIVERGING, ValueGrid.extent(pool.window()),
                ValueGrid.Style.LARGE, k -> k == pool.winner() ? ValueGrid.Mark.WINNER : null);
        Tooltip.install(grid, Ledger.tip(inputName + " channel " + pool.unit().channel() + ", rows " + pool.top() + "–"
                + (pool.top() + n - 1) + ", columns " + pool.left() + "–" + (pool.left() + n - 1)
                + (pool.winner() >= 0 ? ". The outlined value is the largest: only it passes on." : ".")));
        Ledger ledger = new Ledger();
        String window = n + "×" + n + " window";
        switch (pool.spec().kind()) {
            case MAX -> ledger.row("", "largest value of the " + window, pool.value(), "inspector-total",
                    "Max pooling keeps the strongest response in the window (the first one if several are equal) and"
                            + " forgets where exactly it was.").result();
            case AVERAGE -> {
                ledger.row("", "Σ x over the " + window, pool.sum(), "inspector-sum", "The window's values added up.");
                ledger.row("÷", "number of values", Integer.toString(n * n), null, "Average pooling divides by the window size.");
                ledger.row("=", "mean", pool.value(), "inspector-total", "The window's average.").result();
            }
            case L2 -> {
                ledger.row("", "Σ x² over the " + window, pool.sum(), "inspector-sum", "The window's values squared and added up.");
                ledger.row("√", "square root", pool.value(), "inspector-total",
                        "L2 pooling: the length √Σx² of the window's values.").result();
            }
        }
        VBox box = new VBox(Ledger.label(inputName + " channel " + pool.unit().channel(), "channel-heading"), grid, ledger);
        box.getStyleClass().add("section");
        return box;
    }
}
