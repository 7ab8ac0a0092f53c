package org.convscope.lecture;

/** One screen of a lesson: a title, a caption for the class and the computation to step through. */
public record Frame(String title, String caption, Stepper<?> stepper) {
    public Frame {
        if (title == null) title = "";
        if (caption == null) caption = "";
        if (stepper == null) throw new IllegalArgumentException("frame \"" + title + "\" has nothing to show");
    }

    /** The same frame with the stepper moved or replaced. */
    public Frame with(Stepper<?> s) {
        return new Frame(title, caption, s);
    }
}
