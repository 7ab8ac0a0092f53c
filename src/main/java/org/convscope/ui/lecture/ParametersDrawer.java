package org.convscope.ui.lecture;

import javafx.scene.control.ScrollPane;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.PoolStepper;
import org.convscope.lecture.Stepper;

/**
 * The panel beside the frame (K): a convolution's sizes, kernel presets and inputs, a pooling's kind, window and
 * stride, or a real network's model, layer, filter and input. It scrolls when the window is short; its size does not follow the window, it is the lecturer's, not the
 * class's.
 */
final class ParametersDrawer extends ScrollPane {
    private final ConvParametersPanel conv;
    private final PoolParametersPanel pool;
    private final LayerPanel layer;

    ParametersDrawer(LectureModel model, LessonSources sources, LayerFrames frames) {
        conv = new ConvParametersPanel(model, sources);
        pool = new PoolParametersPanel(model);
        layer = new LayerPanel(model, frames);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("parameters-scroll");
    }

    /** Whether the stepper has parameters to show. */
    boolean has(Stepper<?> s) {
        return s instanceof ConvStepper || s instanceof PoolStepper || s instanceof LayerStepper;
    }

    /** The real network frames' panel. */
    LayerPanel layerPanel() {
        return layer;
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
            case LayerStepper l -> {
                layer.show(l);
                if (getContent() != layer) setContent(layer);
            }
            default -> { }
        }
    }
}
