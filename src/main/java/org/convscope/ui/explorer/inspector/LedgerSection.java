package org.convscope.ui.explorer.inspector;

import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import org.convscope.engine.explain.UnitExplanation;

/** A section that is one ledger: activation, flatten and input units. */
final class LedgerSection implements Section {
    private final Ledger ledger = new Ledger();
    private final Function<UnitExplanation, List<Ledger.Row>> rows;

    LedgerSection(Function<UnitExplanation, List<Ledger.Row>> rows) {
        this.rows = rows;
    }

    @Override
    public Node node() {
        return ledger;
    }

    @Override
    public void show(UnitExplanation explanation) {
        ledger.show(rows.apply(explanation));
    }
}
