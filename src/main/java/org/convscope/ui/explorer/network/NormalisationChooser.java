package org.convscope.ui.explorer.network;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.SegmentedButton;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.explorer.Shortcut;

/** The three buttons that choose how maps are coloured (per map, per layer, global), following the chosen mode. */
final class NormalisationChooser extends SegmentedButton {
    NormalisationChooser(ObservableValue<Normalisation> mode, Consumer<Normalisation> choose) {
        setId("normalisation");
        Shortcut[] keys = {Shortcut.PER_MAP, Shortcut.PER_LAYER, Shortcut.GLOBAL};
        for (Normalisation n : Normalisation.values()) {
            ToggleButton b = new ToggleButton(n.label());
            b.setUserData(n);
            b.setTooltip(new Tooltip(n.description() + " (" + keys[n.ordinal()].keys() + ")"));
            b.setSelected(mode.getValue() == n);
            b.setOnAction(e -> {
                choose.accept(n);
                b.setSelected(true);
            });
            getButtons().add(b);
        }
        mode.addListener((o, old, n) -> getButtons().forEach(b -> b.setSelected(b.getUserData() == n)));
    }
}
