package org.convscope.ui.lecture.diagram;

import java.util.List;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.DenseStepper;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.NetworkStepper;
import org.convscope.lecture.PoolStepper;
import org.convscope.lecture.ReluStepper;
import org.convscope.lecture.SoftmaxStepper;
import org.convscope.lecture.Stepper;

/** The diagram of any stepper at its current step, in every arrangement it has. */
public final class Diagrams {
    private Diagrams() {}

    /**
     * @param concealed whether the step's result is hidden (predict, then reveal)
     * @param actions   what clicks and typed numbers do
     */
    public static List<Diagram> of(Stepper<?> stepper, boolean concealed, FrameActions actions) {
        return switch (stepper) {
            case ConvStepper s -> ConvDiagram.arrangements(s, concealed, actions);
            case ReluStepper s -> ReluDiagram.arrangements(s, concealed, actions);
            case PoolStepper s -> PoolDiagram.arrangements(s, concealed, actions);
            case DenseStepper s -> DenseDiagram.arrangements(s, concealed, actions);
            case SoftmaxStepper s -> SoftmaxDiagram.arrangements(s, concealed, actions);
            case NetworkStepper s -> NetworkDiagram.arrangements(s, concealed);
            case LayerStepper s -> LayerDiagram.arrangements(s, concealed, actions);
        };
    }
}
