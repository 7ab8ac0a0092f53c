package org.convscope.ui.training;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import org.convscope.training.TimelineFrame;

/**
 * The filter timeline: a slider over the snapshots kept so far; at its right end it follows training live.
 */
final class TimelinePane extends VBox {
    final Slider slider = new Slider(0, 0, 0);
    private final Label where = new Label();
    private final FiltersPane filters = new FiltersPane();
    private List<TimelineFrame> frames = List.of();

    TimelinePane() {
        getStyleClass().add("timeline-pane");
        slider.setId("timeline");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        where.getStyleClass().add("caption");
        getChildren().addAll(where, slider, filters);
        slider.valueProperty().addListener((obs, old, now) -> showSelected());
    }

    List<TimelineFrame> frames() {
        return frames;
    }

    void show(List<TimelineFrame> newFrames) {
        if (newFrames.equals(frames)) return;
        boolean atEnd = slider.getValue() >= slider.getMax();
        frames = newFrames;
        slider.setMax(Math.max(0, frames.size() - 1));
        if (atEnd) slider.setValue(slider.getMax());
        showSelected();
    }

    private void showSelected() {
        if (frames.isEmpty()) return;
        int i = (int) Math.round(Math.min(slider.getValue(), frames.size() - 1));
        TimelineFrame frame = frames.get(i);
        where.setText("filter timeline · snapshot " + (i + 1) + " of " + frames.size() + " · step " + frame.step());
        filters.show(frame.filters());
    }
}
