package org.convscope.lecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.convscope.engine.Dims;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.engine.spec.Window;

/**
 * One filter of a real network's convolution layer stepped over the layer's real input, one output cell at a time,
 * row by row. Position p means p cells are written; the current window is the one of cell p − 1. Each step computes
 * only its own cell ({@link LayerConv#unit}); the cells written before show the engine's own outputs. A filter that
 * sees many input channels shows a page of them in detail (products and sum) and the sums of all of them; the page
 * is part of the state, moving through the steps keeps it.
 */
public record LayerStepper(LayerConv conv, int position, int page) implements Stepper<LayerStepper> {
    /** Kernels up to this many taps show three channels in detail at a time; larger ones one. */
    private static final int SMALL_KERNEL = 9;
    /** Up to this many channels (a picture's three), each channel's sum is a term of its own in the sum line. */
    public static final int LISTED = 3;

    public LayerStepper {
        position = Stepper.clamp(position, count(conv));
        page = Math.clamp(page, 0, pages(conv) - 1);
    }

    public static LayerStepper start(LayerConv conv) {
        return new LayerStepper(conv, 0, 0);
    }

    private static int count(LayerConv conv) {
        return conv.output().height() * conv.output().width();
    }

    @Override
    public int count() {
        return count(conv);
    }

    @Override
    public LayerStepper at(int p) {
        return new LayerStepper(conv, p, page);
    }

    /** Channels shown in detail at once: three for kernels of up to 3×3, else one (their grids are large). */
    public static int perPage(LayerConv conv) {
        int taps = conv.window().kernelH() * conv.window().kernelW();
        return Math.min(conv.depth(), taps <= SMALL_KERNEL ? 3 : 1);
    }

    public int perPage() {
        return perPage(conv);
    }

    private static int pages(LayerConv conv) {
        return Math.ceilDiv(conv.depth(), perPage(conv));
    }

    /** How many pages the filter's channels take. */
    public int pages() {
        return pages(conv);
    }

    /** The same step with another page of channels in detail (clamped to the pages there are). */
    public LayerStepper withPage(int p) {
        return new LayerStepper(conv, position, p);
    }

    /** The page holding channel {@code c} of the filter (from 0, of its {@link LayerConv#depth()}). */
    public int pageOf(int c) {
        return c / perPage();
    }

    /** Whether the filter sees more channels than a page shows: then every channel's sum is shown apart. */
    public boolean summarised() {
        return conv.depth() > perPage();
    }

    /** The filter's channels (from 0, of its depth) shown in detail on the current page. */
    public List<Integer> shown() {
        List<Integer> shown = new ArrayList<>();
        for (int c = page * perPage(); c < Math.min(conv.depth(), (page + 1) * perPage()); c++) shown.add(c);
        return shown;
    }

    /** Output row of step {@code index} (from 0). */
    public int row(int index) {
        return index / conv.output().width();
    }

    public int col(int index) {
        return index % conv.output().width();
    }

    /** The cell written last, term by term; empty at the start. */
    public Optional<ConvUnit> current() {
        return position == 0 ? Optional.empty() : Optional.of(conv.unit(row(position - 1), col(position - 1)));
    }

    /** The filter's map so far: the engine's outputs of the cells written, NaN for the others ([H][W]). */
    public float[] output() {
        float[] map = conv.engineMap();
        Arrays.fill(map, position, map.length, Float.NaN);
        return map;
    }

    /**
     * How the numbers are written: trained weights are no round numbers, so always with "≈" where the shown terms do
     * not add up, the exact value on hover; two decimals, or three when the filter's typical weight is below 0.1.
     */
    public NumberStyle numberStyle() {
        float typical = conv.typicalWeight();
        int decimals = typical > 0 && typical < 0.1f ? 3 : 2;
        return new NumberStyle(1, decimals, true);
    }

    /** "out[2, 3, 5]": row, column and map of the output cell of step {@code index}, counted from 1. */
    public String cellName(int index) {
        return "out" + Notation.index(row(index), col(index), conv.filter());
    }

    /** Whether the sum line adds each channel's sum (a few channels), rather than their sum (many). */
    public boolean listsChannels() {
        return conv.depth() > 1 && conv.depth() <= LISTED;
    }

    /**
     * The terms of the total as the sum line writes them: one sum per channel ("ΣR", "Σ17") for a few channels,
     * "Σ w·x" for one channel, else the sum over all of them; then b.
     */
    public List<String> termNames() {
        List<String> names = new ArrayList<>();
        if (conv.depth() == 1) names.add("Σ w·x");
        else if (!listsChannels()) names.add("Σ of " + conv.depth() + " channels");
        else {
            for (int c = 0; c < conv.depth(); c++) {
                int channel = conv.firstChannel() + c;
                names.add("Σ" + (conv.colour() ? conv.channelName(channel) : String.valueOf(channel + 1)));
            }
        }
        names.add("b");
        return names;
    }

    /** The terms and the engine's output written out: "0.52 + (−1.3) + 0.07 + 0.1 ≈ −0.61". */
    public String arithmetic(ConvUnit unit, float total) {
        NumberStyle style = numberStyle();
        List<Double> terms = new ArrayList<>();
        if (!listsChannels()) terms.add((double) unit.channelSum());
        else for (ChannelTerms t : unit.channels()) terms.add((double) t.sum());
        terms.add((double) unit.bias());
        List<String> shown = new ArrayList<>();
        for (double t : terms) shown.add(style.format(t));
        double[] values = terms.stream().mapToDouble(Double::doubleValue).toArray();
        return Notation.sum(shown) + (style.addsUp(values, total) ? " = " : " ≈ ") + style.format(total);
    }

    @Override
    public String explain() {
        if (position == 0) {
            Dims in = conv.input();
            return "Start: filter " + (conv.filter() + 1) + " (" + kernelSize() + ") is about to slide over "
                    + conv.sourceWords() + ", " + Notation.size(in) + paddingWords() + ".";
        }
        int index = position - 1;
        ConvUnit unit = conv.unit(row(index), col(index));
        return cellName(index) + " = " + String.join(" + ", termNames()) + " = "
                + arithmetic(unit, conv.engineOutput(row(index), col(index)));
    }

    /** "3×3×3": the filter's height × width × the channels it sees. */
    public String kernelSize() {
        return Notation.size(conv.window().kernelH(), conv.window().kernelW(), conv.depth());
    }

    /** ", padded by 1 on every side", ", padded by 0 above, 1 below, 0 left and 1 right", or nothing. */
    private String paddingWords() {
        Window w = conv.window();
        if (w.padTop() == 0 && w.padBottom() == 0 && w.padLeft() == 0 && w.padRight() == 0) return "";
        if (w.padTop() == w.padBottom() && w.padTop() == w.padLeft() && w.padTop() == w.padRight()) {
            return ", padded by " + w.padTop() + " on every side";
        }
        return ", padded by " + w.padTop() + " above, " + w.padBottom() + " below, " + w.padLeft() + " left and "
                + w.padRight() + " right";
    }

    /** "3×3, stride 2, padding 1"; "1×7, stride 2 down and 1 across, padding 0, 3, 0, 3 …, dilation 2". */
    public String windowWords() {
        Window w = conv.window();
        String stride = w.strideH() == w.strideW() ? "stride " + w.strideH()
                : "stride " + w.strideH() + " down and " + w.strideW() + " across";
        boolean even = w.padTop() == w.padBottom() && w.padTop() == w.padLeft() && w.padTop() == w.padRight();
        String padding = even ? "padding " + w.padTop() : "padding " + w.padTop() + " above, " + w.padBottom()
                + " below, " + w.padLeft() + " left, " + w.padRight() + " right";
        String dilation = w.dilationH() == 1 && w.dilationW() == 1 ? ""
                : ", dilation " + (w.dilationH() == w.dilationW() ? "" + w.dilationH() : w.dilationH() + "×" + w.dilationW());
        return Notation.size(w.kernelH(), w.kernelW()) + ", " + stride + ", " + padding + dilation;
    }

    /** The frame's title: "stem.0 of resblock.onnx: filter 5 of 16". */
    public String title() {
        return conv.name() + " of " + conv.pass().model() + ": filter " + Notation.of(conv.filter(), conv.spec().filters());
    }

    /** What the frame shows, in words, all of it from the state: the layer, the input, the output, the groups, the page. */
    public String caption() {
        Dims out = conv.output();
        StringBuilder text = new StringBuilder("Trained weights " + kernelSize() + " (" + windowWords() + ") over "
                + conv.sourceWords() + ", " + Notation.size(conv.input()) + ", for " + conv.pass().input() + "; output "
                + Notation.size(out.height(), out.width()) + ", map " + Notation.of(conv.filter(), out.channels()) + ".");
        if (!conv.groupWords().isEmpty()) text.append(' ').append(FrameText.capitalised(conv.groupWords())).append('.');
        if (summarised()) {
            List<Integer> shown = shown();
            int from = conv.firstChannel() + shown.getFirst() + 1;
            int to = conv.firstChannel() + shown.getLast() + 1;
            text.append(" In detail: ").append(from == to ? conv.channelName(from - 1) : "channels " + from + " to " + to)
                    .append(" ([ and ] page); every channel's Σ beside them.");
        }
        return text.toString();
    }

    /** O = (W − K + 2P)/S + 1 with the layer's numbers, per axis when they differ, in its general form when it must be. */
    public String formula() {
        Window w = conv.window();
        Dims in = conv.input();
        if (w.isSimple() && in.height() == in.width()) {
            return OutputSize.formula(in.width(), w.kernelW(), w.padLeft(), w.strideW());
        }
        if (w.isSimple()) {
            return "height: " + OutputSize.formula(in.height(), w.kernelH(), w.padTop(), w.strideH()) + "\nwidth: "
                    + OutputSize.formula(in.width(), w.kernelW(), w.padLeft(), w.strideW());
        }
        return "height: " + OutputSize.general(in.height(), w.kernelH(), w.strideH(), w.padTop(), w.padBottom(), w.dilationH())
                + "\nwidth: " + OutputSize.general(in.width(), w.kernelW(), w.strideW(), w.padLeft(), w.padRight(), w.dilationW());
    }
}
