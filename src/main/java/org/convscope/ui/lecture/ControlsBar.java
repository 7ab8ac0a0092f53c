package org.convscope.ui.lecture;

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
 * The stepping controls: lesson chooser, frames, reset, back, play/pause, forward, speed, progress, predict-then-reveal,
 * the follow-up ("Then ReLU"), a real network's filter, the parameters panel, theme, projector mode and exports. Buttons are icons with their key
 * in the tooltip; on a narrow screen the bar wraps onto a second row. Focus stays off it, so the keys step the lecture.
 */
final class ControlsBar extends FlowPane {
    private final LectureModel model;
    private final LectureView view;
    private final Button reset = button("mdi2r-restart", "back to the first step (Home)");
    private final Button back = button("mdi2c-chevron-left", "step back (←)");
    private final Button play = button("mdi2p-play", "play / pause (space)");
    private final Button forward = button("mdi2c-chevron-right", "step forward (→)");
    private final Button previousFrame = button("mdi2s-skip-previous", "previous frame (Page Up)");
    private final Button nextFrame = button("mdi2s-skip-next", "next frame (Page Down)");
    private final Button follow = new Button();
    private final Button panel = button("mdi2t-tune-variant", "parameters and inputs of the frame (K)");
    private final Button layer = button("mdi2l-layers-outline", "a filter of the current model over a real input (L)");
    private final Button theme = button("mdi2t-theme-light-dark", "light or dark (T); high contrast (C)");
    private final Button projector = button("mdi2p-projector-screen", "projector mode: the frame alone (H)");
    private final MenuButton export = new MenuButton("", new FontIcon("mdi2e-export-variant"));
    private final Slider speed = new Slider(0, LectureModel.SPEEDS.length - 1, 2);
    private final Label speedLabel = label("speed-label");
    private final Label progress = label("progress");
    private final CheckBox predict = new CheckBox("predict (P)");
    private final ComboBox<Lesson> lessons = new ComboBox<>();

    ControlsBar(LectureModel model, LectureView view) {
        this.model = model;
        this.view = view;
        export.setTooltip(new Tooltip("export: frame as PNG (E), steps as GIF (G), steps as PNG series (S)"));
        export.setFocusTraversable(false);
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.getStyleClass().add("export-menu");
        String[] keys = {"E", "G", "S"};
        for (ExportKind kind : ExportKind.values()) {
            MenuItem item = new MenuItem("Export " + kind.description() + "…  (" + keys[kind.ordinal()] + ")");
            item.setOnAction(e -> view.export(kind));
            export.getItems().add(item);
        }
        getStyleClass().add("controls-bar");
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setFocusTraversable(false);
        speed.setTooltip(new Tooltip("speed while playing (+ and −)"));
        predict.setFocusTraversable(false);
        predict.setMinWidth(Region.USE_PREF_SIZE);
        predict.setTooltip(new Tooltip("predict, then reveal: each result stays hidden until the next key (P)"));
        follow.setFocusTraversable(false);
        follow.setMinWidth(Region.USE_PREF_SIZE);
        follow.setTooltip(new Tooltip("the next operation on this frame's result, as the next step; ← takes it back (N)"));
        follow.getStyleClass().add("follow-up");
        lessons.setFocusTraversable(false);
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
        getChildren().addAll(lessons, previousFrame, reset, back, play, forward, nextFrame, speed, speedLabel, progress,
                predict, follow, layer, panel, theme, projector, export);
        wire();
    }

    private void wire() {
        reset.setOnAction(e -> model.reset());
        back.setOnAction(e -> model.back());
        forward.setOnAction(e -> model.forward());
        play.setOnAction(e -> model.togglePlay());
        previousFrame.setOnAction(e -> model.previousFrame());
        nextFrame.setOnAction(e -> model.nextFrame());
        follow.setOnAction(e -> view.followUp());
        panel.setOnAction(e -> view.togglePanel());
        layer.setOnAction(e -> view.layerFrame());
        theme.setOnAction(e -> view.setTheme(view.getStyleClass().contains("light"),
                view.getStyleClass().contains("high-contrast")));
        projector.setOnAction(e -> view.setProjector(true));
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
        model.frameProperty().addListener((obs, old, f) -> showFrame());
        showSpeed();
        showFrame();
    }

    private void showSpeed() {
        speedLabel.setText(Numbers.format(model.speedProperty().get()) + " steps/s");
    }

    private void showFrame() {
        Stepper<?> s = model.stepper();
        progress.setText("frame " + (model.frameIndexProperty().get() + 1) + " of " + model.frameCount()
                + " · step " + s.position() + " of " + s.count());
        String name = view.followUpName().orElse("");
        follow.setText(name.isEmpty() ? "" : name + " (N)");
        follow.setVisible(!name.isEmpty());
        follow.setManaged(!name.isEmpty());
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Button button(String icon, String tip) {
        Button b = new Button("", new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
