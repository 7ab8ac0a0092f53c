package org.convscope.engine.explain;

import java.util.List;
import org.convscope.engine.spec.NetworkSpec;

/** Which input pixels and which units of the previous layer a unit depends on. */
public final class ReceptiveField {
    private ReceptiveField() {}

    /** A rectangle of input pixels: rows [top, bottom), columns [left, right), clipped to the image. */
    public record Region(int top, int left, int bottom, int right) {}

    /** The input pixels that can influence the unit. */
    public static Region inputRegion(NetworkSpec spec, UnitRef unit) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The units of layer unit.layer() − 1 (or the input, layer −1) that feed the unit directly. */
    public static List<UnitRef> previousUnits(NetworkSpec spec, UnitRef unit) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
