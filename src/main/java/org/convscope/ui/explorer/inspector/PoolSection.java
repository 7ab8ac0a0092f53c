package org.convscope.ui.explorer.inspector;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitExplanation;
import org.convscope.engine.explain.UnitExplanation.PoolUnit;
import org.convscope.ui.view.ColorMap;

/** A pooling unit: its window with the winner outlined (max), then the max, the mean or √Σx². */
final class PoolSection implements Section {
    private final String inputName;
    private final Label heading = Ledger.label("", "channel-heading");
    private final ValueGrid grid;
    private final Tooltip gridTip = Ledger.tip("");
    private final Ledger ledger = new Ledger();
    private final VBox box;

    PoolSection(PoolUnit pool, String inputName) {
        this.inputName = inputName;
        int n = pool.spec().window();
        grid = new ValueGrid(n, n, ValueGrid.Style.LARGE);
        Tooltip.install(grid, gridTip);
        box = new VBox(heading, grid, ledger);
        box.getStyleClass().add("section");
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public void fitWidth(double width) {
        grid.fitWidth(width);
    }

    @Override
    public void show(UnitExplanation explanation) {
        PoolUnit pool = (PoolUnit) explanation;
        int n = pool.spec().window();
        heading.setText(inputName + " channel " + (pool.unit().channel() + 1));
        grid.draw(pool.window(), ColorMap.DIVERGING, ValueGrid.extent(pool.window()),
                k -> k == pool.winner() ? ValueGrid.Mark.WINNER : null);
        gridTip.setText(inputName + " channel " + (pool.unit().channel() + 1) + ", rows " + (pool.top() + 1) + "–"
                + (pool.top() + n) + ", columns " + (pool.left() + 1) + "–" + (pool.left() + n)
                + (pool.winner() >= 0 ? ". The outlined value is the largest: only it passes on." : "."));
        String window = n + "×" + n + " window";
        ledger.show(switch (pool.spec().kind()) {
            case MAX -> List.of(new Ledger.Row("", "largest value of the " + window, pool.value(), "inspector-total",
                    "Max pooling keeps the strongest response in the window (the first one if several are equal) and"
                            + " forgets where exactly it was.").asResult());
            case AVERAGE -> List.of(
                    new Ledger.Row("", "Σ x over the " + window, pool.sum(), "inspector-sum", "The window's values added up."),
                    new Ledger.Row("÷", "number of values", Integer.toString(n * n), null,
                            "Average pooling divides by the window size.", false),
                    new Ledger.Row("=", "mean", pool.value(), "inspector-total", "The window's average.").asResult());
            case L2 -> List.of(
                    new Ledger.Row("", "Σ x² over the " + window, pool.sum(), "inspector-sum",
                            "The window's values squared and added up."),
                    new Ledger.Row("√", "square root", pool.value(), "inspector-total",
                            "L2 pooling: the length √Σx² of the window's values.").asResult());
        });
    }
}
