package org.convscope.ui.lecture;

import javafx.scene.control.ScrollPane;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.PoolStepper;
import org.convscope.lecture.Stepper;

/**
 * The panel beside the frame (K): a convolution's sizes, kernel presets and inputs, or a pooling's kind, window and
 * stride. It scrolls when the window is short; its size does not follow the window, it is the lecturer's, not the
 * class's.
 */
final class ParametersDrawer extends ScrollPane {
    private final ConvParametersPanel conv;
    private final PoolParametersPanel pool;

    ParametersDrawer(LectureModel model, LessonSources sources) {
        conv = new ConvParametersPanel(model, sources);
        pool = new PoolParametersPanel(model);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("parameters-scroll");
    }

    /** Whether the stepper has parameters to show. */
    boolean has(Stepper<?> s) {
        return s instanceof ConvStepper || s instanceof PoolStepper;
    }

    /** Shows the stepper's parameters, without acting on them. */
    void show(Stepper<?> s) {
        switch (s) {
            case ConvStepper c -> {
                conv.show(c);
                if (getContent() != conv) setContent(conv);
            }
            case PoolStepper p -> {
                pool.show(p);
                if (getContent() != pool) setContent(pool);
            }
            default -> { }
        }
    }
}
