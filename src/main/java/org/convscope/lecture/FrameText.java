package org.convscope.lecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convscope.engine.Dims;

/**
 * A frame's title and caption as the screen shows them: the lesson's own while the computation is the one it wrote;
 * once edited (sizes, kernel, input, a typed cell), derived from the computation, so that no label is left over from
 * before. A real network's frame is always described from its state: the layer, filter, input and page it shows. The caption of an edited convolution also says, in words, what filled the cells a larger size added.
 */
public final class FrameText {
    private FrameText() {}

    public static String title(Frame f) {
        if (f.stepper() instanceof LayerStepper s) return s.title();
        if (!f.edited()) return f.title();
        return switch (f.stepper()) {
            case ConvStepper s -> "Edited: " + s.setup().filterOrigin().words() + " over " + s.setup().inputOrigin().words();
            case PoolStepper s -> capitalised(s.kindName()) + " pooling " + Notation.size(s.window(), s.window())
                    + ", stride " + s.stride() + " (edited)";
            default -> (f.title().isEmpty() ? "Frame" : f.title()) + " (edited)";
        };
    }

    public static String caption(Frame f) {
        if (f.stepper() instanceof LayerStepper s) return s.caption();
        if (!f.edited()) return f.caption();
        return switch (f.stepper()) {
            case ConvStepper s -> conv(s.setup(), f.authored() instanceof ConvStepper a ? a.setup() : s.setup());
            case PoolStepper s -> "Each " + Notation.size(s.window(), s.window()) + " window of the "
                    + Notation.size(s.input().dims()) + " input " + s.rule() + (s.problem().isPresent() ? "."
                    : ": output " + Notation.size(s.outputDims()) + ".");
            case ReluStepper s -> "max(0, x) on every cell of the " + Notation.size(s.input().dims()) + " map, as edited.";
            case DenseStepper s -> "Neuron " + Notation.of(s.neuron(), s.units()) + ": y = Σ w·x + b over "
                    + Notation.count(s.inputs().length, "input", "inputs") + ", with the numbers as edited.";
            case SoftmaxStepper s -> Notation.count(s.logits().length, "logit", "logits")
                    + ", as edited, become probabilities that add up to 1.";
            case NetworkStepper s -> f.caption();
            case LayerStepper s -> s.caption();
        };
    }

    /** What the edited convolution is, and the rules that filled whatever grew beyond the lesson's sizes. */
    private static String conv(ConvSetup s, ConvSetup authored) {
        int k = s.kernel();
        String filters = s.filters().size() == 1 ? "one " + Notation.size(k, k, s.depth()) + " filter"
                : s.filters().size() + " filters of " + Notation.size(k, k, s.depth());
        String out = s.problem().isPresent() ? "nothing fits"
                : "output " + Notation.size(s.outputDims().height(), s.outputDims().width(), s.filters().size());
        StringBuilder text = new StringBuilder(capitalised(s.inputOrigin().words()) + ", "
                + Notation.size(s.input().dims()) + "; " + filters + ", " + s.filterOrigin().words() + "; stride "
                + s.stride() + ", padding " + s.padding() + ": " + out + ".");
        List<String> rules = new ArrayList<>();
        Dims in = s.input().dims();
        Dims was = authored.input().dims();
        if (in.height() > was.height() || in.width() > was.width() || in.channels() > was.channels()) {
            rules.add("input: " + s.inputOrigin().growth().words());
        }
        if (k > authored.kernel() || s.depth() > authored.depth()) {
            String rule = s.filterOrigin().growth().words();
            if (s.depth() > authored.depth() && s.filterOrigin().growth() instanceof Origin.Zeros) {
                rule += ", new channels repeat the first";
            }
            rules.add("filters: " + rule);
        }
        if (s.filters().size() > authored.filters().size()) rules.add(ConvParameters.NEW_FILTERS);
        if (!rules.isEmpty()) text.append(" Grown: ").append(String.join("; ", rules)).append('.');
        return text.toString();
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
