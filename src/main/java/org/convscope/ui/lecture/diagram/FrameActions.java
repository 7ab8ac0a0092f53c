package org.convscope.ui.lecture.diagram;

import org.convscope.lecture.Stepper;

/** What a diagram's clicks and typed numbers do to the lecture: jump to a step, or replace the frame's computation. */
public interface FrameActions {
    /** Shows step {@code position} of the current frame, its result revealed. */
    void jumpTo(int position);

    /** Replaces the frame's computation by an edited one, at the same step. */
    void edit(Stepper<?> edited);

    /**
     * Shows the same computation at the same step another way (another page of its channels); a hidden result stays
     * hidden.
     */
    default void view(Stepper<?> same) {
        edit(same);
    }

    /** Actions that do nothing: for drawings that are only looked at (exports, slides). */
    FrameActions NONE = new FrameActions() {
        @Override
        public void jumpTo(int position) {}

        @Override
        public void edit(Stepper<?> edited) {}
    };
}
