package org.convscope.ui.explorer;

import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.convscope.data.PhotoPreprocess;

/**
 * A preprocessing of one's own: the shorter side (0: the whole photo to the input's size), the channel means and the
 * standard deviations, typed as the CLI's --size, --mean and --std take them.
 */
final class CustomRecipe {
    private CustomRecipe() {}

    /**
     * The recipe the three fields describe: a whole number 0…16384, and 1 or 3 numbers each (a comma or spaces
     * between); IllegalArgumentException with one line naming the field otherwise.
     */
    static PhotoPreprocess parse(String shorter, String mean, String std) {
        int side;
        try {
            side = Integer.parseInt(shorter.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shorter side: a whole number of pixels (0: the whole photo), got \""
                    + shorter.strip() + "\"");
        }
        if (side < 0 || side > 1 << 14) throw new IllegalArgumentException("shorter side: 0…16384, got " + side);
        float[] m = triple("mean", mean);
        float[] s = triple("std", std);
        for (float v : s) if (!(v > 0)) throw new IllegalArgumentException("std: every value must be above 0, got " + v);
        return new PhotoPreprocess("custom", side, m, s);
    }

    private static float[] triple(String field, String text) {
        String[] parts = text.strip().split("[,\\s]+");
        if (parts.length != 1 && parts.length != 3) {
            throw new IllegalArgumentException(field + ": 1 or 3 numbers (R, G, B), got " + parts.length);
        }
        float[] v = new float[3];
        for (int c = 0; c < 3; c++) {
            String p = parts[parts.length == 1 ? 0 : c];
            try {
                v[c] = Float.parseFloat(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": \"" + p + "\" is not a number");
            }
            if (!Float.isFinite(v[c])) throw new IllegalArgumentException(field + ": \"" + p + "\" is not a finite number");
        }
        return v;
    }

    /** Asks for a custom recipe, starting from {@code start}; empty when cancelled. */
    static Optional<PhotoPreprocess> ask(javafx.stage.Window owner, PhotoPreprocess start) {
        Dialog<PhotoPreprocess> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Custom preprocessing");
        TextField shorter = new TextField(Integer.toString(start.shorter()));
        TextField mean = new TextField(numbers(start.mean()));
        TextField std = new TextField(numbers(start.std()));
        Label error = new Label();
        error.getStyleClass().add("notice-error");
        GridPane grid = new GridPane(8, 6);
        grid.addRow(0, new Label("Shorter side (px, 0: whole photo)"), shorter);
        grid.addRow(1, new Label("Mean (R, G, B; 0…1 scale)"), mean);
        grid.addRow(2, new Label("Std (R, G, B)"), std);
        grid.add(error, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                parse(shorter.getText(), mean.getText(), std.getText());
            } catch (IllegalArgumentException bad) {
                error.setText(bad.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? parse(shorter.getText(), mean.getText(), std.getText()) : null);
        return dialog.showAndWait();
    }

    private static String numbers(float[] v) {
        return String.format(Locale.ROOT, "%s, %s, %s", trim(v[0]), trim(v[1]), trim(v[2]));
    }

    private static String trim(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }
}
