package org.convscope.ui.training.phases;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.engine.Loss;
import org.convscope.training.StepPhases;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One training step as four phases, one at a time: the phases as a row of stages on top (the current one lit), what
 * the phase does, its pictures and numbers. → or Space: next phase (after the update, the next sample's step);
 * ←: back; Esc: close. It only observes its {@link PhasesModel}.
 */
public final class PhasesView extends BorderPane {
    private final PhasesModel model;
    private final Map<Phase, Label> stages = new EnumMap<>(Phase.class);
    private final Label title = new Label();
    private final Label explanation = new Label();
    private final Label error = new Label();
    private final ScrollPane content = new ScrollPane();
    private final Button back = button("phase-back", "mdi2c-chevron-left", "Back", "The phase before (←)");
    private final Button next = button("phase-next", "mdi2c-chevron-right", "Next", "The next phase (→ or Space)");
    private final Button close = button("phase-close", "mdi2c-close", "Close", "Back to the studio (Esc)");
    private final Map<Phase, Node> built = new EnumMap<>(Phase.class);
    private Runnable onClose = () -> {};

    public PhasesView(PhasesModel model) {
        this.model = model;
        getStyleClass().addAll("training-view", "phases-view");
        getStylesheets().addAll(PhasesView.class.getResource("/css/training.css").toExternalForm(),
                PhasesView.class.getResource("/css/phases.css").toExternalForm());
        layoutNodes();
        wire();
    }

    /** What Esc and the close button do (e.g. close the window). */
    public void setOnClose(Runnable action) {
        onClose = action == null ? () -> {} : action;
    }

    private static Button button(String id, String icon, String text, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    private void layoutNodes() {
        HBox stageRow = new HBox();
        stageRow.getStyleClass().add("phase-stages");
        for (Phase p : Phase.values()) {
            Label l = new Label((p.ordinal() + 1) + "  " + p.title());
            l.getStyleClass().add("phase-stage");
            l.setId("stage-" + p.name().toLowerCase(Locale.ROOT));
            stages.put(p, l);
            stageRow.getChildren().add(l);
        }
        title.getStyleClass().add("heading");
        title.setId("phase-title");
        explanation.getStyleClass().add("caption");
        explanation.setWrapText(true);
        error.getStyleClass().add("message");
        error.setWrapText(true);
        VBox top = new VBox(stageRow, title, explanation, error);
        top.getStyleClass().add("top");
        setTop(top);
        content.setFitToWidth(true);
        content.getStyleClass().add("phase-content");
        setCenter(content);
        Label keys = new Label("→ or Space: next · ←: back · Esc: close");
        keys.getStyleClass().add("caption");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bottom = new HBox(back, next, keys, spring, close);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.getStyleClass().add("phase-buttons");
        setBottom(bottom);
    }

    private void wire() {
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setFocusTraversable(true);
        sceneProperty().addListener((obs, old, now) -> {
            if (now != null) javafx.application.Platform.runLater(this::requestFocus);
        });
        back.setOnAction(e -> model.back());
        next.setOnAction(e -> model.next());
        close.setOnAction(e -> onClose.run());
        model.stepProperty().addListener((obs, old, now) -> {
            built.clear();
            show();
        });
        model.phaseProperty().addListener((obs, old, now) -> show());
        model.busyProperty().addListener((obs, old, now) -> show());
        model.errorProperty().addListener((obs, old, now) -> show());
        show();
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.RIGHT || code == KeyCode.SPACE || code == KeyCode.PAGE_DOWN) model.next();
        else if (code == KeyCode.LEFT || code == KeyCode.PAGE_UP) model.back();
        else if (code == KeyCode.ESCAPE) onClose.run();
        else return;
        e.consume();
    }

    private void show() {
        StepPhases s = model.step();
        Phase phase = model.phase();
        for (Phase p : Phase.values()) {
            Label l = stages.get(p);
            l.getStyleClass().removeAll("current", "done");
            if (p == phase) l.getStyleClass().add("current");
            else if (p.ordinal() < phase.ordinal()) l.getStyleClass().add("done");
        }
        title.setText(String.format(Locale.ROOT, "Step %,d in four phases · %d. %s · %s, class %d · %s · η = %s",
                s.step(), phase.ordinal() + 1, phase.title(), s.sampleName(), s.label(),
                s.settings().loss() == Loss.CROSS_ENTROPY ? "cross-entropy" : "squared error", Tiles.number(s.learningRate())));
        explanation.setText(phase.explanation() + (phase == Phase.UPDATE
                ? " This step is now part of the run: the studio shows the weights after it." : ""));
        String problem = model.errorProperty().get();
        error.setText(problem);
        error.setVisible(!problem.isEmpty());
        error.setManaged(!problem.isEmpty());
        content.setContent(built.computeIfAbsent(phase, p -> build(p, s)));
        back.setDisable(phase == Phase.FORWARD || model.busyProperty().get());
        next.setDisable(model.busyProperty().get());
        next.setText(phase == Phase.UPDATE ? "Next sample" : "Next");
    }

    private static Node build(Phase phase, StepPhases s) {
        return switch (phase) {
            case FORWARD -> new ForwardPane(s);
            case LOSS -> new LossPane(s);
            case BACKWARD -> new BackwardPane(s);
            case UPDATE -> new UpdatePane(s);
        };
    }
}
