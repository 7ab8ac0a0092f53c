package org.convscope.ui.explorer;

import org.convscope.data.InkImage;
import org.convscope.data.Preprocess;
import org.convscope.data.Preprocess.Preprocessed;
import org.convscope.engine.Dims;
import org.convscope.engine.explain.ReceptiveField;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.model.DigitInput;
import org.convscope.ui.explorer.draw.Drawing;

/**
 * A unit's receptive field as a rectangle, edges in pixels (right and bottom exclusive): on the picture the network
 * sees, and from there on the drawing canvas, where it is outlined.
 */
record FieldBox(double left, double top, double right, double bottom) {
    /**
     * The unit's field on the picture the network sees ({@link Preprocess#SIZE} pixels a side, placed in the middle
     * of a larger input), clipped to it; null when it lies wholly outside (on the input's zero border).
     */
    static FieldBox onSeen(NetworkSpec spec, UnitRef unit) {
        ReceptiveField.Region r = ReceptiveField.inputRegion(spec, unit);
        Dims in = spec.input();
        int top = DigitInput.top(in);
        int left = DigitInput.left(in);
        FieldBox box = new FieldBox(Math.max(0, r.left() - left), Math.max(0, r.top() - top),
                Math.min(Preprocess.SIZE, r.right() - left), Math.min(Preprocess.SIZE, r.bottom() - top));
        return box.right() > box.left() && box.bottom() > box.top() ? box : null;
    }

    /** The unit's field on the whole input (a photo's), clipped to it; null when it lies wholly outside. */
    static FieldBox onInput(NetworkSpec spec, UnitRef unit) {
        ReceptiveField.Region r = ReceptiveField.inputRegion(spec, unit);
        Dims in = spec.input();
        if (in.isVector()) return null;
        FieldBox box = new FieldBox(Math.max(0, r.left()), Math.max(0, r.top()), Math.min(in.width(), r.right()),
                Math.min(in.height(), r.bottom()));
        return box.right() > box.left() && box.bottom() > box.top() ? box : null;
    }

    /**
     * This box of the picture the network sees, on the canvas's raster (through the preprocessing, backwards), clipped
     * to it; null when it lies outside (on the margin the centring added around the drawing).
     */
    FieldBox onCanvas(Preprocessed pre, InkImage source) {
        double[] a = pre.toInput(left, top);
        double[] b = pre.toInput(right, bottom);
        if (a == null) return null;
        double[] p = Drawing.rasterPoint(source, a[0], a[1]);
        double[] q = Drawing.rasterPoint(source, b[0], b[1]);
        FieldBox box = new FieldBox(Math.max(0, p[0]), Math.max(0, p[1]), Math.min(Drawing.SIZE, q[0]),
                Math.min(Drawing.SIZE, q[1]));
        return box.right() > box.left() && box.bottom() > box.top() ? box : null;
    }
}
