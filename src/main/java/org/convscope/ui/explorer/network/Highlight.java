package org.convscope.ui.explorer.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convscope.engine.Dims;
import org.convscope.engine.explain.ReceptiveField;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.NetworkSpec;

/**
 * What to mark for a selected unit: the unit itself, the units of the previous layer that feed it, and its receptive
 * field on the input, as one mask per layer (key −1: the input). Missing parts (ReceptiveField not available) are
 * simply not marked.
 */
record Highlight(UnitRef selected, Map<Integer, boolean[]> masks) {
    static final Highlight NONE = new Highlight(null, Map.of());

    static Highlight of(NetworkSpec spec, List<Dims> shapes, UnitRef unit) {
        if (unit == null) return NONE;
        Map<Integer, boolean[]> masks = new HashMap<>();
        ReceptiveField.Region r = ReceptiveField.inputRegion(spec, unit);
        Dims in = spec.input();
        boolean[] field = masks.computeIfAbsent(-1, k -> new boolean[in.size()]);
        for (int c = 0; c < in.channels(); c++) {
            for (int y = Math.max(0, r.top()); y < Math.min(in.height(), r.bottom()); y++) {
                for (int x = Math.max(0, r.left()); x < Math.min(in.width(), r.right()); x++) {
                    field[(c * in.height() + y) * in.width() + x] = true;
                }
            }
        }
        for (UnitRef u : ReceptiveField.previousUnits(spec, unit)) {
            Dims d = u.layer() < 0 ? spec.input() : shapes.get(u.layer());
            boolean[] mask = masks.computeIfAbsent(u.layer(), k -> new boolean[d.size()]);
            mask[(u.channel() * d.height() + u.y()) * d.width() + u.x()] = true;
        }
        return new Highlight(unit, masks);
    }

    boolean[] mask(int layer) {
        return masks.get(layer);
    }

    /** Index of the selected unit within channel c of the layer, or −1. */
    int selectedIn(int layer, int channel, int width) {
        if (selected == null || selected.layer() != layer || selected.channel() != channel) return -1;
        return selected.y() * width + selected.x();
    }
}
