package org.convscope.ui.lecture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.convscope.lecture.Numbers;
import org.convscope.ui.view.ColorMap;

/**
 * A grid of numbers drawn large. Up to {@link #READABLE} rows and columns it is one label per cell with its number,
 * styled by CSS classes (size-few, size-small, size-medium) and per-cell marks such as "window", "pad", "winner" or "current";
 * an optional colour map tints the cells by value. Larger grids are a heatmap image (one bulk pixel write, as
 * {@link org.convscope.ui.view.Heatmap} does) with the
 * marks drawn as outlines on top, since their numbers would be too small to read anyway.
 */
final class NumberGrid extends StackPane {
    /** Above this many rows or columns the grid is drawn as an image. */
    static final int READABLE = 16;
    /** Screen pixels per cell of a heatmap grid, by size. */
    private static final int LARGE_CELL = 9;
    private static final int HUGE_CELL = 6;
    private static final int PAD_ARGB = 0xFFD0D0D0;

    private final UniformCells labels = new UniformCells();
    private final ImageView image = new ImageView();
    private final Pane overlay = new Pane();
    private final StackPane heatmap = new StackPane(image, overlay);
    private final List<Label> cells = new ArrayList<>();
    private String[] marks = new String[0];
    private float[] shown = new float[0];
    private ColorMap shownMap;
    private float shownRange;
    private int rows;
    private int cols;
    private IntConsumer onClick;
    private CellEdit onEdit;
    private TextField editor;

    /** Takes the text typed into cell {@code index}; returns why it cannot be used, or null when it was taken. */
    @FunctionalInterface
    interface CellEdit {
        String commit(int index, String text);
    }

    NumberGrid() {
        getStyleClass().add("number-grid");
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        image.setSmooth(false);
        image.setPreserveRatio(false);
        overlay.setMouseTransparent(true);
        heatmap.setOnMouseClicked(e -> {
            int cell = cellSize();
            int index = (int) (e.getY() / cell) * cols + (int) (e.getX() / cell);
            if (onClick != null && index >= 0 && index < rows * cols) onClick.accept(index);
        });
    }

    /** Called with the cell index when a cell is clicked. */
    void setOnCellClicked(IntConsumer handler) {
        this.onClick = handler;
    }

    /**
     * Makes the cells editable: a click opens a text field on the cell, Enter hands its text to {@code edit}, Escape
     * or a click elsewhere cancels. Text that {@code edit} refuses stays in the field, marked, with the reason below.
     */
    void setOnCellEdited(CellEdit edit) {
        this.onEdit = edit;
    }

    /** Opens the editor on cell {@code index} (what a click on an editable cell does). */
    void edit(int index) {
        if (onEdit == null || !readable() || index < 0 || index >= cells.size()) return;
        closeEditor();
        Label cell = cells.get(index);
        TextField field = new TextField(cell.getText());
        field.getStyleClass().add("cell-editor");
        field.setManaged(false);
        field.resizeRelocate(cell.getLayoutX(), cell.getLayoutY(), Math.max(cell.getWidth(), 0), cell.getHeight());
        field.setPrefColumnCount(5);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeEditor();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                String problem = onEdit.commit(index, field.getText());
                if (problem == null) {
                    closeEditor();
                } else {
                    if (!field.getStyleClass().contains("invalid")) field.getStyleClass().add("invalid");
                    field.selectAll();
                }
                e.consume();
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && editor == field) closeEditor();
        });
        editor = field;
        labels.getChildren().add(field);
        field.applyCss();
        field.autosize();
        field.resize(Math.max(field.getWidth(), cell.getWidth()), cell.getHeight());
        field.requestFocus();
        field.selectAll();
    }

    /** The open editor, or null. */
    TextField editor() {
        return editor;
    }

    private void closeEditor() {
        if (editor == null) return;
        TextField field = editor;
        editor = null;
        labels.getChildren().remove(field);
        requestFocus();
    }

    private boolean readable() {
        return Math.max(rows, cols) <= READABLE;
    }

    private int cellSize() {
        return Math.max(rows, cols) <= 30 ? LARGE_CELL : HUGE_CELL;
    }

    /**
     * Shows rows×cols values from {@code values[offset…]}: NaN is an empty cell. With a colour map, cells are tinted
     * over ±range (diverging) or [0, range].
     */
    void show(int rows, int cols, float[] values, int offset, ColorMap map, float range) {
        resize(rows, cols);
        boolean recolour = map != shownMap || range != shownRange;
        shownMap = map;
        shownRange = range;
        boolean changed = false;
        for (int i = 0; i < rows * cols; i++) {
            float v = values[offset + i];
            if (!recolour && Float.floatToIntBits(v) == Float.floatToIntBits(shown[i])) continue;
            shown[i] = v;
            changed = true;
            if (readable()) showCell(cells.get(i), v, map, range);
        }
        if (changed && !readable()) paint();
    }

    private static void showCell(Label cell, float v, ColorMap map, float range) {
        String text = Numbers.format(v);
        if (!text.equals(cell.getText())) cell.setText(text);
        cell.setBackground(map == null || Float.isNaN(v) ? null : tint(argb(map, v, range), 0.45));
    }

    private static int argb(ColorMap map, float v, float range) {
        return map.argb(v, map.symmetric() ? -range : 0, range);
    }

    /** Cells with numbers get a pale tint so the numbers stay readable on any colour. */
    private static Background tint(int argb, double opacity) {
        Color color = Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, opacity);
        return new Background(new BackgroundFill(color, null, null));
    }

    /**
     * One bulk pixel write: values by colour map, padding grey, cells not computed yet transparent (the page shows
     * through: white, or black in high contrast, rather than a glaring white block on black).
     */
    private void paint() {
        int[] pixels = new int[rows * cols];
        for (int i = 0; i < pixels.length; i++) {
            boolean pad = marks[i] != null && marks[i].contains("pad");
            pixels[i] = pad ? PAD_ARGB : Float.isNaN(shown[i]) || shownMap == null ? 0x00000000 : argb(shownMap, shown[i], shownRange);
        }
        WritableImage img = image.getImage() instanceof WritableImage w && w.getWidth() == cols && w.getHeight() == rows
                ? w : new WritableImage(cols, rows);
        img.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), pixels, 0, cols);
        image.setImage(img);
    }

    /** Replaces the text of cell i, e.g. "?" for a value the class should guess first, until its value changes. */
    void setText(int i, String text) {
        if (!readable()) return;
        cells.get(i).setText(text);
        shown[i] = Float.intBitsToFloat(0x7fc00001);
    }

    /** Sets the marks (CSS classes separated by spaces, or null) of every cell. */
    void mark(String[] newMarks) {
        boolean changed = false;
        for (int i = 0; i < marks.length; i++) {
            String mark = newMarks == null ? null : newMarks[i];
            String old = marks[i];
            if (mark == null ? old == null : mark.equals(old)) continue;
            changed = true;
            if (readable()) {
                Label cell = cells.get(i);
                if (old != null) cell.getStyleClass().removeAll(old.split(" "));
                if (mark != null) cell.getStyleClass().addAll(mark.split(" "));
            }
            marks[i] = mark;
        }
        if (changed && !readable()) {
            paint();
            outline();
        }
    }

    /** Outlines every marked cell of a heatmap grid (padding is greyed in the image instead). */
    private void outline() {
        overlay.getChildren().clear();
        int cell = cellSize();
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] == null || marks[i].equals("pad")) continue;
            Rectangle r = new Rectangle(i % cols * cell, i / cols * cell, cell, cell);
            r.getStyleClass().add("mark");
            r.getStyleClass().addAll(marks[i].split(" "));
            overlay.getChildren().add(r);
        }
    }

    /** A fresh array of marks for this grid, all null. */
    String[] newMarks() {
        return new String[rows * cols];
    }

    private void resize(int newRows, int newCols) {
        if (newRows == rows && newCols == cols) return;
        rows = newRows;
        cols = newCols;
        closeEditor();
        labels.getChildren().clear();
        labels.setColumns(newCols);
        cells.clear();
        overlay.getChildren().clear();
        marks = new String[rows * cols];
        shown = new float[rows * cols];
        shownMap = null;
        int side = Math.max(rows, cols);
        getStyleClass().removeAll("size-few", "size-small", "size-medium", "size-large", "size-huge");
        getStyleClass().add(side <= 5 ? "size-few" : side <= 8 ? "size-small" : side <= READABLE ? "size-medium"
                : side <= 30 ? "size-large" : "size-huge");
        if (!readable()) {
            int cell = cellSize();
            image.setFitWidth(cols * cell);
            image.setFitHeight(rows * cell);
            overlay.setPrefSize(cols * cell, rows * cell);
            getChildren().setAll(heatmap);
            return;
        }
        for (int i = 0; i < rows * cols; i++) {
            Label cell = new Label();
            cell.getStyleClass().add("cell");
            cell.setMaxWidth(Double.MAX_VALUE);
            int index = i;
            cell.setOnMouseClicked(e -> {
                if (onEdit != null) {
                    edit(index);
                    e.consume(); // the view takes the focus on clicks, which would close the editor at once
                } else if (onClick != null) {
                    onClick.accept(index);
                }
            });
            cells.add(cell);
            labels.getChildren().add(cell);
        }
        getChildren().setAll(labels);
    }
}
