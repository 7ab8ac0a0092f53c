package org.convscope.ui.explorer.draw;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.convscope.data.InkImage;

/**
 * What is on the drawing canvas: an optional base picture (an opened image or a test digit) with strokes on top,
 * rasterised into a {@value #SIZE}×{@value #SIZE} ink raster as the strokes come in. Every change (a stroke begun,
 * a point added, undo, redo, clear, a new base) is one step of history for undo except the points within a stroke.
 * The history keeps the last {@value #HISTORY} steps: each new base holds its own fitted raster (300 KB), and browsing
 * test digits for an afternoon must not fill the heap. No JavaFX here: the canvas and the view model listen.
 */
public final class Drawing {
    /** Side of the raster in pixels: ten times MNIST's 28, so strokes keep their shape through preprocessing. */
    public static final int SIZE = 280;
    /** Steps of history kept for undo; older ones are forgotten. */
    public static final int HISTORY = 100;

    /** One entry of history: immutable apart from the stroke being drawn, which only grows. */
    private record State(InkImage original, InkImage fitted, List<Stroke> strokes) {
        static final State EMPTY = new State(null, null, List.of());

        boolean blank() {
            return original == null && strokes.isEmpty();
        }
    }

    private final float[] raster = new float[SIZE * SIZE]; // [SIZE][SIZE], 0 = paper, 1 = ink
    private final Deque<State> undo = new ArrayDeque<>();
    private final Deque<State> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private State state = State.EMPTY;
    private Stroke current;
    private final int[] dirty = {0, 0, SIZE, SIZE}; // left, top, right, bottom of what changed since takeDirty()

    /** Calls the listener after every change. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Starts a stroke at (x, y) in raster pixels. */
    public void begin(float x, float y, float radius, boolean eraser) {
        end();
        current = new Stroke(radius, eraser, x, y);
        List<Stroke> strokes = new ArrayList<>(state.strokes);
        strokes.add(current);
        push(new State(state.original, state.fitted, List.copyOf(strokes)));
        Rasteriser.segment(raster, SIZE, SIZE, current, 0);
        touched(current, 0);
        changed();
    }

    /** Adds a point to the stroke being drawn; ignored when no stroke is. */
    public void extend(float x, float y) {
        if (current == null) return;
        current.add(x, y);
        Rasteriser.segment(raster, SIZE, SIZE, current, current.size() - 1);
        touched(current, current.size() - 1);
        changed();
    }

    /** Finishes the stroke being drawn, if any. */
    public void end() {
        current = null;
    }

    public void undo() {
        end();
        if (undo.isEmpty()) return;
        redo.push(state);
        restore(undo.pop());
    }

    public void redo() {
        end();
        if (redo.isEmpty()) return;
        undo.push(state);
        restore(redo.pop());
    }

    /** Removes everything, the base picture too (undoable). */
    public void clear() {
        end();
        if (state.blank()) return;
        push(State.EMPTY);
        restore(State.EMPTY);
    }

    /** Replaces the drawing with a picture of any size, fitted into the raster (undoable). */
    public void setBase(InkImage picture) {
        end();
        State next = new State(picture, InkFit.into(picture, SIZE), List.of());
        push(next);
        restore(next);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public boolean isBlank() {
        return state.blank();
    }

    /**
     * The ink to classify: the base picture itself while nothing is drawn over it (so an opened file is seen exactly
     * as {@code convscope classify} sees it), otherwise a copy of the raster.
     */
    public InkImage ink() {
        if (state.original != null && state.strokes.isEmpty()) return state.original;
        return new InkImage(SIZE, SIZE, raster.clone());
    }

    /**
     * Where a point (x, y) of an image this drawing gave as {@link #ink} lies on the raster: the same point for the
     * raster itself, for a base picture of another size where it was fitted (scaled and centred).
     */
    public static double[] rasterPoint(InkImage ink, double x, double y) {
        if (ink.width() == SIZE && ink.height() == SIZE) return new double[] {x, y};
        return InkFit.point(ink.width(), ink.height(), SIZE, x, y);
    }

    /** The live raster, [SIZE][SIZE], for painting; read-only. */
    public float[] raster() {
        return raster;
    }

    /**
     * The rectangle {left, top, right, bottom} of the raster that changed since the last call (for repainting only
     * that), and starts collecting anew.
     */
    public int[] takeDirty() {
        int[] r = dirty.clone();
        dirty[0] = SIZE;
        dirty[1] = SIZE;
        dirty[2] = 0;
        dirty[3] = 0;
        return r;
    }

    /** Widens the dirty rectangle by segment i of the stroke. */
    private void touched(Stroke s, int i) {
        int from = Math.max(0, i - 1);
        float r = s.radius() + 2;
        dirty[0] = Math.max(0, Math.min(dirty[0], (int) Math.floor(Math.min(s.x(from), s.x(i)) - r)));
        dirty[1] = Math.max(0, Math.min(dirty[1], (int) Math.floor(Math.min(s.y(from), s.y(i)) - r)));
        dirty[2] = Math.min(SIZE, Math.max(dirty[2], (int) Math.ceil(Math.max(s.x(from), s.x(i)) + r)));
        dirty[3] = Math.min(SIZE, Math.max(dirty[3], (int) Math.ceil(Math.max(s.y(from), s.y(i)) + r)));
    }

    private void push(State next) {
        undo.push(state);
        if (undo.size() > HISTORY) undo.removeLast();
        redo.clear();
        state = next;
    }

    private void restore(State target) {
        state = target;
        if (target.fitted == null) Arrays.fill(raster, 0f);
        else System.arraycopy(target.fitted.ink(), 0, raster, 0, raster.length);
        for (Stroke stroke : target.strokes) Rasteriser.stroke(raster, SIZE, SIZE, stroke);
        dirty[0] = 0;
        dirty[1] = 0;
        dirty[2] = SIZE;
        dirty[3] = SIZE;
        changed();
    }

    private void changed() {
        for (Runnable listener : listeners) listener.run();
    }
}
