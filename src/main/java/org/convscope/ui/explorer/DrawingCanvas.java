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
import javafx.scene.shape.Rectangle;
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
    /**
     * The brush's radius at first, a 40th of the raster's side: digits from a seventh of the canvas's height to all of
     * it keep their loops open (a radius of 11 filled the loops of small digits).
     */
    public static final double DEFAULT_RADIUS = Drawing.SIZE / 40.0;

    private final Drawing drawing;
    private final PixelView view = new PixelView(Drawing.SIZE, Drawing.SIZE, false);
    private final Circle brush = new Circle();
    private final Rectangle field = new Rectangle();
    private final DoubleProperty brushRadius = new SimpleDoubleProperty(this, "brushRadius", DEFAULT_RADIUS);
    private final BooleanProperty eraser = new SimpleBooleanProperty(this, "eraser");
    private int finger = -1; // the id of the touch point drawing, or -1
    private FieldBox outlined;

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
        field.getStyleClass().add("receptive-field");
        field.setId("canvas-field");
        field.setMouseTransparent(true);
        field.setManaged(false);
        field.setVisible(false);
        view.setManaged(false); // laid out below: a repaint must not lay out the window (see PixelStack)
        getChildren().addAll(view, field, brush);
        // The brush ring follows the pointer: clipped, it can neither draw past the canvas nor widen the bounds that
        // pick the canvas (which would keep a pointer moving off it on the canvas, and take the next click elsewhere).
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setSide(300);
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

    /** Makes the drawing surface a square of this side (the border around it comes on top). */
    public void setSide(double side) {
        double w = side + snappedLeftInset() + snappedRightInset();
        double h = side + snappedTopInset() + snappedBottomInset();
        setMinSize(w, h);
        setPrefSize(w, h);
        setMaxSize(w, h);
    }

    /**
     * Outlines a rectangle of the raster (left, top, right, bottom in raster pixels): the receptive field of the unit
     * being inspected; null hides it.
     */
    public void outline(FieldBox box) {
        outlined = box;
        field.setVisible(box != null);
        placeOutline();
    }

    private void placeOutline() {
        FieldBox box = outlined;
        if (box == null) return;
        double scale = side() / Drawing.SIZE;
        double inset = field.getStrokeWidth() / 2;
        field.setX(view.getLayoutX() + box.left() * scale + inset);
        field.setY(view.getLayoutY() + box.top() * scale + inset);
        field.setWidth(Math.max(1, (box.right() - box.left()) * scale - 2 * inset));
        field.setHeight(Math.max(1, (box.bottom() - box.top()) * scale - 2 * inset));
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
        placeOutline();
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
