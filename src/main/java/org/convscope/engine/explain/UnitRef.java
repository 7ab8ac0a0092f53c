package org.convscope.engine.explain;

/**
 * One unit of a network: layer index (into Network.layers(); −1 for the input image), channel and position.
 * For a vector layer (fully connected, softmax, flatten) the unit index is the channel and y = x = 0.
 */
public record UnitRef(int layer, int channel, int y, int x) {
    public UnitRef {
        if (layer < -1 || channel < 0 || y < 0 || x < 0) {
            throw new IllegalArgumentException("invalid unit: layer " + layer + ", channel " + channel + ", y " + y + ", x " + x);
        }
    }

    public static UnitRef vector(int layer, int unit) {
        return new UnitRef(layer, unit, 0, 0);
    }
}
