package org.convscope.ui.training.setup;

import java.util.function.IntConsumer;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/**
 * An editable integer spinner that reports every value at once: arrow clicks and each keystroke that gives a whole
 * number in range (not only on Enter), so the table follows the typing.
 */
final class IntField extends Spinner<Integer> {
    IntField(String id, int min, int max, int value, IntConsumer onChange) {
        super(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, Math.clamp(value, min, max)));
        setId(id);
        setEditable(true);
        setPrefWidth(90);
        valueProperty().addListener((obs, old, now) -> {
            if (now != null) onChange.accept(now);
        });
        getEditor().textProperty().addListener((obs, old, text) -> {
            try {
                int v = Integer.parseInt(text.trim());
                if (v >= min && v <= max && v != getValue()) getValueFactory().setValue(v);
            } catch (NumberFormatException e) {
                // Not a number yet (empty or a sign while typing): the value stays until it is one.
            }
        });
        focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) getEditor().setText(String.valueOf(getValue()));
        });
    }
}
