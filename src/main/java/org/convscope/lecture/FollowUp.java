package org.convscope.lecture;

import java.util.Optional;
import org.convscope.engine.spec.PoolSpec;

/**
 * What naturally comes after a frame, as the next frame: ReLU after a convolution (on its whole result), 2×2 max
 * pooling with stride 2 after ReLU. Its title and caption say where its numbers come from.
 */
public final class FollowUp {
    private FollowUp() {}

    /** The follow-up's name for a button: "Then ReLU"; empty when the frame has none. */
    public static Optional<String> name(Frame f) {
        return next(f).map(n -> "Then " + (n.stepper() instanceof ReluStepper ? "ReLU" : "max pooling"));
    }

    /** The frame that follows {@code f}, or empty when none does (or the frame has no result). */
    public static Optional<Frame> next(Frame f) {
        String from = FrameText.title(f).isEmpty() ? "the frame before" : "\"" + FrameText.title(f) + "\"";
        return switch (f.stepper()) {
            case ConvStepper s when s.problem().isEmpty() -> {
                Volume out = s.result();
                yield Optional.of(new Frame("ReLU of the feature map", "max(0, x) on every cell of the "
                        + Notation.size(out.dims()) + " output of " + from + ".", ReluStepper.start(out)));
            }
            case ReluStepper s when s.input().height() >= 2 && s.input().width() >= 2 -> {
                ReluStepper end = s.at(s.count());
                Volume out = new Volume(s.input().dims(), end.output());
                PoolStepper pool = PoolStepper.start(out, PoolSpec.Kind.MAX, 2, 2);
                yield Optional.of(new Frame("Max pooling of the ReLU output", "Each 2×2 window of the "
                        + Notation.size(out.dims()) + " map from " + from + " keeps its largest number.", pool));
            }
            default -> Optional.empty();
        };
    }
}
