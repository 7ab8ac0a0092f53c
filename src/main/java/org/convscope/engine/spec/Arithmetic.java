package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** The element-wise arithmetic of {@link MergeSpec} and {@link ConstantOpSpec}, with NumPy-style broadcasting. */
public enum Arithmetic {
    ADD("+"), SUB("−"), MUL("×"), DIV("÷");

    private final String symbol;

    Arithmetic(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public float apply(float a, float b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
        };
    }

    /**
     * The shape of a ∘ b: along channels, rows and columns the sizes must be equal, or one of them 1 (that operand is
     * repeated along the axis).
     */
    public static Dims broadcast(String name, Dims a, Dims b) {
        return new Dims(axis(name, "channels", a.channels(), b.channels(), a, b),
                axis(name, "height", a.height(), b.height(), a, b), axis(name, "width", a.width(), b.width(), a, b));
    }

    private static int axis(String name, String axis, int x, int y, Dims a, Dims b) {
        if (x == y || y == 1) return x;
        if (x == 1) return y;
        throw new InvalidNetworkException(name + ": cannot combine " + a + " with " + b + ": the " + axis + " ("
                + x + " and " + y + ") must be equal or one of them 1");
    }
}
