package org.convscope.ui.explorer.network;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitRef;
import org.convscope.lecture.Notation;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.explorer.Normalisation;

/**
 * The softmax output: the top guess in large type with its probability, and every class as a labelled bar; the
 * image's label, when known (a test image), outlined and tagged whether the network agrees or not. An image without
 * ink has no prediction: "no ink" instead of a guess, and no bars.
 */
final class PredictionColumn extends Column {
    static final String TOP_GUESS_ID = "top-guess";
    static final String TRUTH_ID = "truth";

    private final int layer;
    private final Label guess = new Label("–");
    private final Label confidence = new Label();
    private final Region[] fills;
    private final Label[] percents;
    private final Label[] names;
    private final Label truth = new Label();
    private final HBox[] rows;
    private final double track;

    PredictionColumn(Columns.Info info, double width, Selection selection) {
        super(info.name(), info.kind(), Notation.size(info.output()), info.parameters(), info.explanation());
        this.layer = info.layer();
        int classes = info.output().size();
        track = width - 78; // the class, the per cent and the gaps beside the bar
        guess.setId(TOP_GUESS_ID);
        guess.getStyleClass().add("top-guess");
        confidence.getStyleClass().add("top-confidence");
        VBox bars = new VBox();
        bars.getStyleClass().add("probability-bars");
        fills = new Region[classes];
        percents = new Label[classes];
        rows = new HBox[classes];
        names = new Label[classes];
        for (int c = 0; c < classes; c++) {
            Label digit = new Label(Integer.toString(c));
            digit.getStyleClass().add("bar-class");
            names[c] = digit;
            fills[c] = new Region();
            fills[c].getStyleClass().add("bar-fill");
            fills[c].setMaxWidth(0);
            Region background = new Region();
            background.getStyleClass().add("bar-track");
            StackPane bar = new StackPane(background, fills[c]);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.setPrefWidth(track);
            HBox.setHgrow(bar, Priority.ALWAYS);
            percents[c] = new Label();
            percents[c].getStyleClass().add("bar-percent");
            rows[c] = new HBox(6, digit, percents[c], bar); // the number before the bar: a narrow view cuts the bar
            rows[c].getStyleClass().add("bar-row");
            rows[c].setAlignment(Pos.CENTER_LEFT);
            UnitRef unit = UnitRef.vector(layer, c);
            rows[c].addEventHandler(MouseEvent.MOUSE_MOVED, e -> selection.unit(unit, false));
            rows[c].addEventHandler(MouseEvent.MOUSE_CLICKED, e -> selection.unit(unit, true));
            rows[c].addEventHandler(MouseEvent.MOUSE_EXITED, e -> selection.unit(null, false));
        }
        truth.getStyleClass().add("truth-tag");
        truth.setId(TRUTH_ID);
        VBox top = new VBox(guess, confidence, truth);
        top.setAlignment(Pos.CENTER);
        top.getStyleClass().add("top-box");
        getChildren().addAll(new LayoutBoundary(top), new LayoutBoundary(bars));
        bars.getChildren().addAll(rows);
        setColumnWidth(width);
        setPrefWidth(width);
    }

    @Override
    boolean covers(int layer) {
        return layer == this.layer;
    }

    @Override
    void update(Frame frame, ValueRanges ranges, Normalisation mode) {
        float[] p = frame.probabilities();
        int top = frame.topClass();
        boolean blank = frame.blank();
        guess.setText(blank ? "–" : frame.className(top));
        guess.pseudoClassStateChanged(BLANK, blank);
        confidence.setText(blank ? "no ink: nothing to classify" : String.format(Locale.ROOT, "%.1f %%", 100 * p[top]));
        for (int c = 0; c < fills.length; c++) {
            names[c].setText(frame.className(c));
            fills[c].setMaxWidth(blank ? 0 : Math.max(1, track * p[c]));
            percents[c].setText(blank ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * p[c]));
            rows[c].pseudoClassStateChanged(TOP, c == top && !blank);
            rows[c].pseudoClassStateChanged(TRUTH, c == frame.truth());
        }
        truth.setText(frame.truth() < 0 ? "" : "label " + frame.truth() + (blank ? "" : frame.truth() == top ? ": right"
                : ": wrong"));
    }

    @Override
    void highlight(Highlight highlight) {
        UnitRef s = highlight.selected();
        for (int c = 0; c < rows.length; c++) {
            rows[c].pseudoClassStateChanged(SELECTED, s != null && s.layer() == layer && s.channel() == c);
        }
    }

    private static final javafx.css.PseudoClass TOP = javafx.css.PseudoClass.getPseudoClass("top");
    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");
    private static final javafx.css.PseudoClass TRUTH = javafx.css.PseudoClass.getPseudoClass("truth");
    private static final javafx.css.PseudoClass BLANK = javafx.css.PseudoClass.getPseudoClass("blank");
}
