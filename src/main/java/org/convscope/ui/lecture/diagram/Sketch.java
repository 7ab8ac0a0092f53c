package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.List;

/** Collects a diagram's items and hits while blocks draw themselves; then {@link #done} makes the diagram. */
public final class Sketch {
    private final List<Item> items = new ArrayList<>();
    private final List<Diagram.Hit> hits = new ArrayList<>();
    private Rect focus;
    private Rect window;

    public void add(Item item) {
        items.add(item);
    }

    public void hit(Diagram.Hit hit) {
        hits.add(hit);
    }

    /** Marks a part to keep in view when zoomed in (the current window, the current cell); several add up. */
    public void focus(Rect r) {
        if (window == null) window = r;
        focus = r.union(focus);
    }

    /** The whole of {@code block} drawn at the origin, with a margin all round. */
    public static Diagram of(Block block, double margin) {
        Sketch s = new Sketch();
        block.draw(s, margin, margin);
        return new Diagram(block.width() + 2 * margin, block.height() + 2 * margin, s.items, s.hits, s.focus, s.window);
    }
}
