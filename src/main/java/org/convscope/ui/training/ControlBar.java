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
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Play or pause, step one sample, batch or epoch, the four phases, reset with a seed, and the speed from 1 step/s to
 * full speed. Reset (which can throw steps away) never takes the keyboard focus: a button that steps disables itself
 * while training runs, and focus must not fall on Reset then, where the next Space would press it.
 */
final class ControlBar extends HBox {
    /** Speeds of the slider's stops in steps per second; 0 is full speed. */
    static final double[] SPEEDS = {1, 2, 5, 10, 30, 100, 0};

    final Button play = button("play", "▶ Play", "Train continuously (Space)");
    final Button stepSample = button("step-sample", "Step sample", "One training step on the next single image");
    final Button stepBatch = button("step-batch", "Step batch", "One training step on the next mini-batch (→)");
    final Button stepEpoch = button("step-epoch", "Step epoch", "Train to the end of this epoch");
    final Button phases = button("step-phases", "Step in 4 phases", "Pause and take one step on the next single"
            + " image, shown as its four phases: forward pass, loss, backward pass, update (→ next, ← back, Esc close)");
    final Button reset = button("reset", "Reset", "Start over: new random weights from the seed (a session started from"
            + " a model goes back to its weights); asks first when steps are not saved");
    final Button newSession = button("new-session", "New session…", "Another network or data set: presets, the"
            + " architecture editor, MNIST, an IDX, CIFAR-10 or image folder");
    final TextField seed = new TextField("1");
    final Slider speed = new Slider(0, SPEEDS.length - 1, SPEEDS.length - 1);
    private final Label speedText = new Label();
    private final TrainingViewModel model;
    private Runnable onAnyAction = () -> {};

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
        speedText.setMinWidth(70);
        reset.setFocusTraversable(false);
        newSession.setGraphic(new FontIcon("mdi2p-plus-box-multiple-outline"));
        phases.setGraphic(new FontIcon("mdi2s-step-forward"));
        getChildren().addAll(newSession, play, stepSample, stepBatch, stepEpoch, phases, reset, new Label("seed"), seed,
                new Label("speed"), speed, speedText);
        wire();
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private void wire() {
        play.setOnAction(e -> {
            onAnyAction.run();
            playOrPause();
        });
        stepSample.setOnAction(e -> {
            onAnyAction.run();
            model.stepSample();
        });
        stepBatch.setOnAction(e -> {
            onAnyAction.run();
            model.stepBatch();
        });
        stepEpoch.setOnAction(e -> {
            onAnyAction.run();
            model.stepEpoch();
        });
        speed.valueProperty().addListener((obs, old, now) -> applySpeed());
        applySpeed();
    }

    /** Called before every play, pause or step (the view clears what an earlier action left on screen). */
    void setOnAnyAction(Runnable action) {
        onAnyAction = action;
    }

    /** Play when paused, pause when playing (the Play button and Space). */
    void playOrPause() {
        TrainingFrame f = model.frame();
        if (f != null && f.running()) model.pause();
        else model.play();
    }

    /** One batch, unless training runs (→). */
    void stepBatchUnlessRunning() {
        TrainingFrame f = model.frame();
        if (f != null && !f.running()) {
            onAnyAction.run();
            model.stepBatch();
        }
    }

    /** The seed in the field; a field that holds no whole number is put back to 1. */
    long seed() {
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
        play.getTooltip().setText(f.running() ? "Pause training (Space)" : "Train continuously (Space)");
        for (Button b : new Button[] {stepSample, stepBatch, stepEpoch, phases}) {
            // A focused button that becomes disabled hands the focus on; keep it on Play instead.
            if (f.running() && b.isFocused()) play.requestFocus();
            b.setDisable(f.running());
        }
    }
}
