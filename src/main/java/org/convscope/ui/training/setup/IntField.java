package org.convscope.ui.training.setup;

import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;

/**
 * An editable integer spinner that reports every value at once: arrow clicks and each keystroke that gives a whole
 * number in range (not only on Enter), so the table follows the typing. A number out of range is not taken silently:
 * the field is marked and {@link #problemProperty()} says why ("kernel height: 40 is more than 31, the largest"),
 * until the field holds a number it takes; when the field is left, it shows the value kept. Enter commits the text
 * and goes no further (it never presses the window's buttons).
 */
final class IntField extends Spinner<Integer> {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /** @param what the field in words, for its problem ("kernel height") */
    IntField(String id, String what, int min, int max, int value, IntConsumer onChange) {
        super(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, Math.clamp(value, min, max)));
        setId(id);
        setEditable(true);
        setPrefWidth(90);
        // The spinner commits its text when it loses the focus; out of range or not a number, it keeps its value
        // instead of clamping (a silent 40 → 31).
        getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    int v = Integer.parseInt(text.trim());
                    return v >= min && v <= max ? v : getValue();
                } catch (NumberFormatException e) {
                    return getValue();
                }
            }
        });
        valueProperty().addListener((obs, old, now) -> {
            if (now != null) onChange.accept(now);
        });
        getEditor().textProperty().addListener((obs, old, text) -> {
            if (!isFocused()) return; // set from the value (or on leaving the field), not typed: nothing to judge
            String trimmed = text.trim();
            String why = "";
            try {
                int v = Integer.parseInt(trimmed);
                if (v < min) why = what + ": " + v + " is less than " + min + ", the smallest";
                else if (v > max) why = what + ": " + v + " is more than " + max + ", the largest";
                else if (v != getValue()) getValueFactory().setValue(v);
            } catch (NumberFormatException e) {
                // Not a number yet (empty or a sign while typing): the value stays until it is one.
                if (!trimmed.isEmpty() && !trimmed.equals("-")) why = what + ": " + trimmed + " is not a whole number";
            }
            problem.set(why);
            pseudoClassStateChanged(PROBLEM, !why.isEmpty());
        });
        focusedProperty().addListener((obs, was, focused) -> {
            if (focused) return;
            String why = problem.get();
            getEditor().setText(String.valueOf(getValue()));
            if (!why.isEmpty() && !why.contains("; kept")) problem.set(why + "; kept " + getValue());
            pseudoClassStateChanged(PROBLEM, false);
        });
        getEditor().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (problem.get().isEmpty()) commitValue();
                e.consume();
            }
        });
    }

    /** Why the text typed is not taken, or "". */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
