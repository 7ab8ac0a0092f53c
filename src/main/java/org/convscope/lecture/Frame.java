package org.convscope.lecture;

/**
 * One screen of a lesson: a title, a caption for the class and the computation to step through, with the computation
 * as the lesson wrote it ({@code authored}). Once the computation is edited, the title and caption the lesson wrote
 * may no longer be true: {@link FrameText} then derives them from the computation itself.
 */
public record Frame(String title, String caption, Stepper<?> stepper, Stepper<?> authored) {
    public Frame {
        if (title == null) title = "";
        if (caption == null) caption = "";
        if (stepper == null) throw new IllegalArgumentException("frame \"" + title + "\" has nothing to show");
        authored = authored == null ? stepper.reset() : authored.reset();
    }

    /** A frame as the lesson writes it: the computation is the authored one. */
    public Frame(String title, String caption, Stepper<?> stepper) {
        this(title, caption, stepper, stepper);
    }

    /** The same frame with the stepper moved or replaced; the authored computation stays. */
    public Frame with(Stepper<?> s) {
        return new Frame(title, caption, s, authored);
    }

    /** Whether the computation differs from the one the lesson wrote (at any position). */
    public boolean edited() {
        return !stepper.reset().equals(authored);
    }
}
