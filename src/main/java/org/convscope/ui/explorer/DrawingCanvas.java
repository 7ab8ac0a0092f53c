package org.convscope.ui.explorer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.input.TouchPoint;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.convscope.ui.explorer.draw.Drawing;
import org.convscope.ui.explorer.network.PixelView;
import org.convscope.ui.view.ColorMap;

/**
 * The square drawing surface: strokes of the mouse, the pen and a finger go into the {@link Drawing}, the secondary
 * button or the eraser setting erases; shows the drawing's raster and a brush outline under the pointer. Touch is taken
 * as touch events, one finger at a time (a second finger or a resting palm draws nothing), and the mouse events that
 * JavaFX synthesises from a finger are ignored while it is down. Undo, redo and clear are commands of the drawing.
 */
public final class DrawingCanvas extends Region {
    public static final double MIN_RADIUS = 3;
    public static final double MAX_RADIUS = 24;

    private final Drawing drawing;
    private final PixelView view = new PixelView(Drawing.SIZE, Drawing.SIZE, false);
    private final Circle brush = new Circle();
    private final DoubleProperty brushRadius = new SimpleDoubleProperty(this, "brushRadius", 11);
    private final BooleanProperty eraser = new SimpleBooleanProperty(this, "eraser");
    private int finger = -1; // the id of the touch point drawing, or -1

    public DrawingCanvas(Drawing drawing) {
        this.drawing = drawing;
        build();
        wire();
    }

    private void build() {
        getStyleClass().add("drawing-canvas");
        brush.getStyleClass().add("brush-outline");
        brush.setMouseTransparent(true);
        brush.setManaged(false);
        brush.setVisible(false);
        view.setManaged(false); // laid out below: a repaint must not lay out the window (see PixelStack)
        getChildren().addAll(view, brush);
        setPrefSize(318, 318);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMinSize(140, 140);
        setFocusTraversable(true);
        paint();
    }

    private void wire() {
        drawing.addListener(this::paint);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (finger >= 0) return; // synthesised from the finger that draws
            requestFocus();
            boolean erase = eraser.get() || e.getButton() == MouseButton.SECONDARY;
            drawing.begin(rasterX(e.getX()), rasterY(e.getY()), (float) brushRadius.get(), erase);
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (finger >= 0) return;
            drawing.extend(rasterX(e.getX()), rasterY(e.getY()));
            moveBrush(e);
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (finger < 0) drawing.end();
        });
        addEventHandler(TouchEvent.TOUCH_PRESSED, e -> {
            TouchPoint p = e.getTouchPoint();
            if (finger < 0) {
                finger = p.getId();
                requestFocus();
                drawing.begin(rasterX(p.getX()), rasterY(p.getY()), (float) brushRadius.get(), eraser.get());
            }
            e.consume();
        });
        addEventHandler(TouchEvent.TOUCH_MOVED, e -> {
            TouchPoint p = e.getTouchPoint();
            if (p.getId() == finger) drawing.extend(rasterX(p.getX()), rasterY(p.getY()));
            e.consume();
        });
        addEventHandler(TouchEvent.TOUCH_RELEASED, e -> {
            if (e.getTouchPoint().getId() == finger) {
                finger = -1;
                drawing.end();
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, this::moveBrush);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> brush.setVisible(false));
        eraser.addListener((o, old, on) -> pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("erasing"), on));
    }

    /** Brush radius in raster pixels (the raster is {@value Drawing#SIZE} wide), {@value #MIN_RADIUS}..{@value #MAX_RADIUS}. */
    public DoubleProperty brushRadiusProperty() {
        return brushRadius;
    }

    /** Whether the primary button erases. */
    public BooleanProperty eraserProperty() {
        return eraser;
    }

    public Drawing drawing() {
        return drawing;
    }

    /** The displayed side of the square raster. */
    private double side() {
        return Math.max(1, Math.min(getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset()));
    }

    @Override
    protected void layoutChildren() {
        double side = side();
        view.setFitWidth(side);
        view.setFitHeight(side);
        view.relocate(snappedLeftInset(), snappedTopInset());
    }

    private float rasterX(double x) {
        return (float) ((x - view.getLayoutX()) * Drawing.SIZE / side());
    }

    private float rasterY(double y) {
        return (float) ((y - view.getLayoutY()) * Drawing.SIZE / side());
    }

    private void moveBrush(MouseEvent e) {
        brush.setRadius(brushRadius.get() * side() / Drawing.SIZE);
        brush.setCenterX(e.getX());
        brush.setCenterY(e.getY());
        brush.setVisible(true);
    }

    private void paint() {
        int[] d = drawing.takeDirty();
        view.paintRegion(drawing.raster(), Drawing.SIZE, Drawing.SIZE, d[0], d[1], d[2], d[3], ColorMap.INK, 0, 1);
    }
}
