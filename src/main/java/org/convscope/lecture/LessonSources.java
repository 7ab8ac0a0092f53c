package org.convscope.lecture;

/** Where lesson inputs that are not written in the file come from. */
public interface LessonSources {
    /** Test-set image {@code index} as a 1×28×28 volume of ink in [0, 1]. */
    Volume testDigit(int index);

    /** The digit drawn in the explorer as a 1×28×28 volume, or a blank one when nothing is drawn. */
    Volume explorerDrawing();

    /** The app's current model and the explorer's input through it, for frames of a real network; empty when none. */
    default java.util.Optional<CurrentModel> currentModel() {
        return java.util.Optional.empty();
    }

    /** Sources for lessons that only use numbers written in the file: asking for anything else is an error. */
    LessonSources NONE = new LessonSources() {
        @Override
        public Volume testDigit(int index) {
            throw new IllegalStateException("no test set available for digit " + index);
        }

        @Override
        public Volume explorerDrawing() {
            throw new IllegalStateException("no explorer drawing available");
        }
    };
}
