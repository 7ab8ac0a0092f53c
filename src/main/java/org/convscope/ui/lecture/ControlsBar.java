package org.convscope.ui.lecture;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.Numbers;
import org.convscope.lecture.Stepper;

/** The stepping controls: lesson chooser, reset, back, play/pause, forward, speed, frames, predict-then-reveal. Focus stays off it. */
final class ControlsBar extends HBox {
    private final LectureModel model;
    private final Button reset = button("Reset", "back to the first step (Home)");
    private final Button back = button("◀ Back", "step back (←)");
    private final Button play = button("Play", "play / pause (space)");
    private final Button forward = button("Step ▶", "step forward (→)");
    private final Button previousFrame = button("◀◀ Frame", "previous frame (Page Up)");
    private final Button nextFrame = button("Frame ▶▶", "next frame (Page Down)");
    private final Slider speed = new Slider(0, LectureModel.SPEEDS.length - 1, 2);
    private final Label speedLabel = Labels.of("", "speed-label");
    private final Label progress = Labels.of("", "progress");
    private final CheckBox predict = new CheckBox("predict, then reveal (P)");
    private final ComboBox<Lesson> lessons = new ComboBox<>();

    ControlsBar(LectureModel model) {
        this.model = model;
        getStyleClass().add("controls-bar");
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setFocusTraversable(false);
        predict.setFocusTraversable(false);
        lessons.setFocusTraversable(false);
        predict.setMinWidth(Region.USE_PREF_SIZE);
        lessons.getItems().setAll(model.lessons());
        lessons.setConverter(new StringConverter<>() {
            @Override
            public String toString(Lesson l) {
                return l == null ? "" : l.title();
            }

            @Override
            public Lesson fromString(String s) {
                return null;
            }
        });
        lessons.setValue(model.lessonProperty().get());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(lessons, reset, back, play, forward, Labels.of("speed", "speed-label"), speed, speedLabel, gap,
                progress, predict, previousFrame, nextFrame);
        wire();
    }

    private void wire() {
        reset.setOnAction(e -> model.reset());
        back.setOnAction(e -> model.back());
        forward.setOnAction(e -> model.forward());
        play.setOnAction(e -> model.togglePlay());
        previousFrame.setOnAction(e -> model.previousFrame());
        nextFrame.setOnAction(e -> model.nextFrame());
        predict.setOnAction(e -> model.setPredict(predict.isSelected()));
        lessons.setOnAction(e -> {
            if (lessons.getValue() != null && lessons.getValue() != model.lessonProperty().get()) model.open(lessons.getValue());
        });
        model.predictProperty().addListener((obs, old, on) -> predict.setSelected(on));
        speed.valueProperty().addListener((obs, old, v) -> model.setSpeedLevel((int) Math.round(v.doubleValue())));
        model.speedLevelProperty().addListener((obs, old, level) -> speed.setValue(level.intValue()));
        model.speedProperty().addListener((obs, old, v) -> showSpeed());
        model.playingProperty().addListener((obs, old, on) -> play.setText(on ? "Pause" : "Play"));
        model.frameProperty().addListener((obs, old, f) -> showProgress());
        showSpeed();
        showProgress();
    }

    private void showSpeed() {
        speedLabel.setText(Numbers.format(model.speedProperty().get()) + " steps/s");
    }

    private void showProgress() {
        Stepper<?> s = model.stepper();
        progress.setText("frame " + (model.frameIndexProperty().get() + 1) + "/" + model.lessonProperty().get().size()
                + "   step " + s.position() + "/" + s.count());
    }

    private static Button button(String text, String tip) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
