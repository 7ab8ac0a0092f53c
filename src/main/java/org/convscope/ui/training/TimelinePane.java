package org.convscope.ui.training;

import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.convscope.training.TimelineFrame;

/**
 * The filter timeline: a slider over the snapshots kept so far; at its right end it follows training live. Its
 * export buttons save every snapshot as an animated GIF or a PNG sheet.
 */
final class TimelinePane extends VBox {
    final Slider slider = new Slider(0, 0, 0);
    private final Label where = new Label();
    final Button exportGif = exportButton("export-timeline-gif", "GIF", "mdi2f-filmstrip",
            "Save the timeline as an animated GIF, one frame per snapshot");
    final Button exportSheet = exportButton("export-timeline-sheet", "PNG sheet", "mdi2v-view-grid-outline",
            "Save every snapshot of the timeline in one PNG, each under its step");
    private final FiltersPane filters;
    private List<TimelineFrame> frames = List.of();
    private Set<String> frozen = Set.of();

    /** @param layerHeight the height one layer's filters should fit in */
    TimelinePane(double layerHeight) {
        filters = new FiltersPane(layerHeight);
        setMinWidth(0);
        getStyleClass().add("timeline-pane");
        slider.setId("timeline");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        where.getStyleClass().add("heading");
        where.setWrapText(true);
        where.setMinWidth(0);
        javafx.scene.layout.FlowPane caption = new javafx.scene.layout.FlowPane(8, 3, where,
                new HBox(6, exportGif, exportSheet));
        caption.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(caption, slider, filters);
        slider.valueProperty().addListener((obs, old, now) -> showSelected());
    }

    private static Button exportButton(String id, String text, String icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("small");
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    List<TimelineFrame> frames() {
        return frames;
    }

    /** @param frozenLayers the names of the layers that do not train */
    void show(List<TimelineFrame> newFrames, Set<String> frozenLayers) {
        if (newFrames.equals(frames) && frozenLayers.equals(frozen)) return;
        frozen = frozenLayers;
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
        filters.show(frame.filters(), frames.get(0).filters(), frozen);
    }
}
