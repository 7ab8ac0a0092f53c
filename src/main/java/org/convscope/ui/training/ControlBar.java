package org.convscope.ui.training;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.convscope.training.TrainingFrame;
import org.convscope.ui.training.phases.PhasesWindow;
import org.kordamp.ikonli.javafx.FontIcon;

/** Play or pause, step one sample, batch or epoch, reset with a seed, and the speed from 1 step/s to full speed. */
final class ControlBar extends HBox {
    /** Speeds of the slider's stops in steps per second; 0 is full speed. */
    static final double[] SPEEDS = {1, 2, 5, 10, 30, 100, 0};

    final Button play = button("play", "▶ Play", "Train continuously");
    final Button stepSample = button("step-sample", "Step sample", "One training step on the next single image");
    final Button stepBatch = button("step-batch", "Step batch", "One training step on the next mini-batch");
    final Button stepEpoch = button("step-epoch", "Step epoch", "Train to the end of this epoch");
    final Button phases = button("step-phases", "Step in 4 phases", "Pause and take one step on the next single"
            + " image, shown as its four phases: forward pass, loss, backward pass, update (→ next, ← back, Esc close)");
    final Button reset = button("reset", "Reset", "Start over: new random weights from the seed (a session started from a model goes back to its"
            + " weights)");
    final Button newSession = button("new-session", "New session…", "Another network or data set: presets, the"
            + " architecture editor, MNIST, an IDX folder or an image folder");
    final TextField seed = new TextField("1");
    final Slider speed = new Slider(0, SPEEDS.length - 1, SPEEDS.length - 1);
    private final Label speedText = new Label();
    private final TrainingViewModel model;

    ControlBar(TrainingViewModel model) {
        this.model = model;
        getStyleClass().add("control-bar");
        setAlignment(Pos.CENTER_LEFT);
        seed.setId("seed");
        seed.setPrefColumnCount(5);
        seed.setTooltip(new Tooltip("Seed of the initial weights and of the shuffling"));
        speed.setId("speed");
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setPrefWidth(140);
        speedText.getStyleClass().add("caption");
        getChildren().addAll(play, stepSample, stepBatch, stepEpoch, phases, reset, new Label("seed"), seed,
                new Label("speed"), speed, speedText);
        newSession.setGraphic(new FontIcon("mdi2p-plus-box-multiple-outline"));
        getChildren().add(0, newSession);
        wire();
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void wire() {
        play.setOnAction(e -> {
            TrainingFrame f = model.frame();
            if (f != null && f.running()) model.pause();
            else model.play();
        });
        stepSample.setOnAction(e -> model.stepSample());
        stepBatch.setOnAction(e -> model.stepBatch());
        stepEpoch.setOnAction(e -> model.stepEpoch());
        phases.setGraphic(new FontIcon("mdi2s-step-forward"));
        phases.setOnAction(e -> PhasesWindow.open(getScene().getWindow(), model));
        reset.setOnAction(e -> model.reset(parseSeed()));
        speed.valueProperty().addListener((obs, old, now) -> applySpeed());
        applySpeed();
    }

    private long parseSeed() {
        try {
            return Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            seed.setText("1");
            return 1;
        }
    }

    private void applySpeed() {
        double steps = SPEEDS[(int) Math.round(speed.getValue())];
        model.setSpeed(steps);
        speedText.setText(steps == 0 ? "full speed" : String.format(Locale.ROOT, "%.0f steps/s", steps));
    }

    void show(TrainingFrame f) {
        play.setText(f.running() ? "❚❚ Pause" : "▶ Play");
        for (Button b : new Button[] {stepSample, stepBatch, stepEpoch, phases}) b.setDisable(f.running());
    }
}
