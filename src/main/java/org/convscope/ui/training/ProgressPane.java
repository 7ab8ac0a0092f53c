package org.convscope.ui.training;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.convscope.training.TrainingFrame;

/** The epoch's progress bar with the step, images per second and the time left. */
final class ProgressPane extends HBox {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label text = new Label();

    ProgressPane() {
        getStyleClass().add("progress-pane");
        setAlignment(Pos.CENTER_LEFT);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        text.setId("progress-text");
        getChildren().addAll(bar, text);
    }

    void show(TrainingFrame f) {
        bar.setProgress(f.epochProgress());
        String speed = f.running() ? String.format(Locale.ROOT, " · %,.0f images/s · %s left", f.imagesPerSecond(),
                duration(f.secondsLeft())) : " · paused";
        text.setText(String.format(Locale.ROOT, "epoch %d · %,d / %,d · step %,d", f.epoch() + 1, f.position(),
                f.trainSize(), f.step()) + speed);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "–";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
