package org.convscope.ui.lecture;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.Numbers;
import org.convscope.lecture.Stepper;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The stepping controls: lesson chooser, reset, back, play/pause, forward, speed, frames, predict-then-reveal and
 * exports. Buttons are icons with their key in the tooltip; on a narrow screen or at a large zoom the bar wraps onto
 * a second row instead of running off the screen. Focus stays off it.
 */
final class ControlsBar extends FlowPane {
    private final LectureModel model;
    private final Button reset = button("mdi2r-restart", "back to the first step (Home)");
    private final Button back = button("mdi2c-chevron-left", "step back (←)");
    private final Button play = button("mdi2p-play", "play / pause (space)");
    private final Button forward = button("mdi2c-chevron-right", "step forward (→)");
    private final Button previousFrame = button("mdi2s-skip-previous", "previous frame (Page Up)");
    private final Button nextFrame = button("mdi2s-skip-next", "next frame (Page Down)");
    private final MenuButton export = new MenuButton("", new FontIcon("mdi2e-export-variant"));
    private final Slider speed = new Slider(0, LectureModel.SPEEDS.length - 1, 2);
    private final Label speedLabel = Labels.of("", "speed-label");
    private final Label progress = Labels.of("", "progress");
    private final CheckBox predict = new CheckBox("predict (P)");
    private final ComboBox<Lesson> lessons = new ComboBox<>();

    ControlsBar(LectureModel model, Consumer<ExportKind> exporter) {
        this.model = model;
        export.setTooltip(new Tooltip("export: frame as PNG (E), steps as GIF (G), steps as PNG series (S)"));
        export.setFocusTraversable(false);
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.getStyleClass().add("export-menu");
        String[] keys = {"E", "G", "S"};
        for (ExportKind kind : ExportKind.values()) {
            MenuItem item = new MenuItem("Export " + kind.description() + "…  (" + keys[kind.ordinal()] + ")");
            item.setOnAction(e -> exporter.accept(kind));
            export.getItems().add(item);
        }
        getStyleClass().add("controls-bar");
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setFocusTraversable(false);
        speed.setTooltip(new Tooltip("speed while playing (+ and −)"));
        predict.setFocusTraversable(false);
        predict.setTooltip(new Tooltip("predict, then reveal: each result stays hidden until the next key (P)"));
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
        getChildren().addAll(lessons, previousFrame, reset, back, play, forward, nextFrame, speed, speedLabel, progress, predict, export);
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
        model.playingProperty().addListener((obs, old, on) -> ((FontIcon) play.getGraphic())
                .setIconLiteral(on ? "mdi2p-pause" : "mdi2p-play"));
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
                + " · step " + s.position() + "/" + s.count());
    }

    private static Button button(String icon, String tip) {
        Button b = new Button("", new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
