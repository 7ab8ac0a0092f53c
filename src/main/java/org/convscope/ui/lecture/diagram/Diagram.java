package org.convscope.ui.lecture.diagram;

import java.util.List;

/**
 * One frame's drawing in diagram units (one unit is the height of a grid cell): its size, the items to draw in order,
 * the places that answer a click, a typed number or a hover, and the part to keep in view when zoomed in (all of
 * {@code focus} when it fits, else the current {@code window}: the first part marked, the filter's window on the input).
 * A frame's diagram has the same size at every step, so the frame does not change size as the lecture steps.
 */
public record Diagram(double width, double height, List<Item> items, List<Hit> hits, Rect focus, Rect window) {
    public Diagram {
        items = List.copyOf(items);
        hits = List.copyOf(hits);
        if (focus == null) focus = new Rect(0, 0, width, height);
        if (window == null) window = focus;
    }

    /** Something under the pointer. */
    public sealed interface Hit {
        Rect rect();
    }

    /** A click does {@code action}, e.g. jumps to the step that writes this output cell. */
    public record Click(Rect rect, Runnable action) implements Hit {}

    /**
     * A click opens a field holding {@code text} over the cell; Enter hands what was typed to {@code commit}, which
     * returns why it cannot be used, or null when it was taken.
     */
    public record Edit(Rect rect, String text, Commit commit) implements Hit {}

    /** Hovering shows {@code text}, e.g. the exact value of a number shown rounded. */
    public record Hover(Rect rect, String text) implements Hit {}

    /** Takes a typed number; returns why it cannot be used, or null when it was taken. */
    @FunctionalInterface
    public interface Commit {
        String commit(String text);
    }
}
