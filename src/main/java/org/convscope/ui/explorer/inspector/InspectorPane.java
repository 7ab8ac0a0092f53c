package org.convscope.ui.explorer.inspector;

import java.util.List;
import java.util.function.IntFunction;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.Explainer;
import org.convscope.engine.explain.ReceptiveField;
import org.convscope.engine.explain.UnitExplanation;
import org.convscope.engine.explain.UnitExplanation.ActivationUnit;
import org.convscope.engine.explain.UnitExplanation.BatchNormUnit;
import org.convscope.engine.explain.UnitExplanation.ConstantOpUnit;
import org.convscope.engine.explain.UnitExplanation.GlobalPoolUnit;
import org.convscope.engine.explain.UnitExplanation.MergeUnit;
import org.convscope.engine.explain.UnitExplanation.PadUnit;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.engine.explain.UnitExplanation.DenseUnit;
import org.convscope.engine.explain.UnitExplanation.FlattenUnit;
import org.convscope.engine.explain.UnitExplanation.InputUnit;
import org.convscope.engine.explain.UnitExplanation.PoolUnit;
import org.convscope.engine.explain.UnitExplanation.SoftmaxUnit;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.lecture.Notation;

/**
 * Shows one unit's arithmetic with the real numbers of a forward pass (see {@link Explainer}): for a conv unit the
 * weights, inputs and products of every input channel and the sums; for pooling the window with its winner; for a
 * fully connected unit the largest contributions; for softmax the table logits → e^(z − max) → p. Fits the width it
 * is given (from about 240 px: the matrices of a conv unit go on as many lines as they need, and narrow their cells
 * when one alone is too wide); taller than most panels, so put it in a {@code ScrollPane} with fitToWidth. Styled by
 * {@code /css/inspector.css}. Call from the FX thread. The nodes of a layer's arithmetic are made once and then
 * updated (see {@link Section}), so a unit pinned while drawing costs texts and redraws, not new nodes.
 *
 * <p>Node ids, for the explorer and its tests (values written with {@link InspectorFormat#value}):
 * <ul>
 *   <li>{@code #inspector-title}: layer and unit, e.g. "conv1 · filter 3 · row 10, col 12";</li>
 *   <li>{@code #inspector-subtitle}: the layer's description and the input pixels the unit sees;</li>
 *   <li>{@code #inspector-total}: the unit's value (before any activation) — every kind has it;</li>
 *   <li>{@code #inspector-sum}: Σ w·x of conv and dense units, Σx or Σx² of average and L2 pooling, Σ e^(z − max) of
 *       softmax;</li>
 *   <li>{@code #inspector-bias}: the bias of conv and dense units;</li>
 *   <li>{@code #inspector-activated}: the value after the activation layer that follows a conv or dense unit.</li>
 * </ul>
 */
public final class InspectorPane extends VBox {
    private final Label title = Ledger.label("", "title");
    private final Label subtitle = Ledger.label("", "subtitle");
    private Section section;
    private Object sectionKey; // the network and layer the section was made for

    public InspectorPane() {
        getStyleClass().add("inspector");
        getStylesheets().add(InspectorPane.class.getResource("/css/inspector.css").toExternalForm());
        title.setId("inspector-title");
        title.setWrapText(true);
        title.setMinWidth(0);
        subtitle.setId("inspector-subtitle");
        subtitle.setWrapText(true);
        subtitle.setMinWidth(0);
        widthProperty().addListener((o, old, w) -> fit());
    }

    /** Fits the section's matrices into the width this pane has (the inspector's, without its padding). */
    private void fit() {
        if (section != null && getWidth() > 0) section.fitWidth(getWidth() - snappedLeftInset() - snappedRightInset());
    }

    /** Explains the unit of the snapshot; another unit of the same layer reuses the nodes shown. */
    public void show(ForwardSnapshot snapshot, UnitRef unit) {
        show(snapshot, unit, List.of());
    }

    /** The same, with the model's class names (empty: classes are numbered) in the softmax's table. */
    public void show(ForwardSnapshot snapshot, UnitRef unit, List<String> classNames) {
        UnitExplanation explanation = Explainer.explain(snapshot, unit);
        NetworkSpec spec = snapshot.spec();
        boolean named = unit.layer() == spec.layers().size() - 1 && unit.channel() < classNames.size();
        title.setText(title(spec, explanation) + (named ? " · " + classNames.get(unit.channel()) : ""));
        subtitle.setText(subtitle(spec, unit));
        List<Object> key = List.of(spec, unit.layer(), classNames);
        if (!key.equals(sectionKey)) {
            section = section(snapshot, explanation, classNames);
            sectionKey = key;
            fit();
            getChildren().setAll(title, subtitle, section.node());
        } else if (getChildren().isEmpty()) {
            getChildren().setAll(title, subtitle, section.node());
        }
        section.show(explanation);
    }

    /**
     * The unit in one line, named as the title names it, with its value and the value after the activation that
     * follows it, e.g. "conv2 · filter 5 · row 4, col 6 = −2.15 → relu2 0": for a status line.
     */
    public static String summary(ForwardSnapshot snapshot, UnitRef unit) {
        UnitExplanation e = Explainer.explain(snapshot, unit);
        java.util.Optional<UnitExplanation.Activated> after = switch (e) {
            case ConvUnit c -> c.activated();
            case DenseUnit d -> d.activated();
            default -> java.util.Optional.empty();
        };
        return title(snapshot.spec(), e) + " = " + InspectorFormat.value(e.value())
                + after.map(a -> " → " + a.layer() + " " + InspectorFormat.value(a.value())).orElse("");
    }

    /** Shows nothing. */
    public void clear() {
        getChildren().clear();
    }

    private static Section section(ForwardSnapshot snapshot, UnitExplanation explanation, List<String> classNames) {
        int layer = explanation.unit().layer();
        String previous = layer < 0 ? "input" : layerName(snapshot.spec(), snapshot.spec().sourcesOf(layer).get(0));
        return switch (explanation) {
            case ConvUnit conv -> new ConvSection(conv, previous);
            case PoolUnit pool -> new PoolSection(pool, previous);
            case DenseUnit dense -> new DenseSection(dense, inputNames(snapshot, snapshot.spec().sourcesOf(layer).get(0)));
            case SoftmaxUnit softmax -> new SoftmaxSection(softmax, previous,
                    c -> c < classNames.size() ? classNames.get(c) : Integer.toString(c));
            case ActivationUnit a -> new LedgerSection(e -> GraphLedgers.activation((ActivationUnit) e, previous,
                    snapshot.spec().layers().get(layer) instanceof ActivationSpec spec ? spec : null));
            case FlattenUnit f -> new LedgerSection(e -> {
                FlattenUnit u = (FlattenUnit) e;
                return List.of(new Ledger.Row("", previous + " channel " + (u.source().channel() + 1) + ", row "
                        + (u.source().y() + 1) + ", col " + (u.source().x() + 1), u.value(), "inspector-total",
                        "Flatten lays the " + previous + " maps out as one list, channel by channel, row by row;"
                                + " values are copied unchanged.").asResult());
            });
            case InputUnit in -> new LedgerSection(e -> List.of(snapshot.spec().input().channels() == 1
                    ? new Ledger.Row("", "pixel value (0 = paper, 1 = ink)", ((InputUnit) e).value(), "inspector-total",
                            "The drawing, scaled down to the network's input size.").asResult()
                    : new Ledger.Row("", "channel " + Notation.channel(e.unit().channel(), snapshot.spec().input().channels())
                            + " of the input, after the preprocessing",
                            ((InputUnit) e).value(), "inspector-total", "The photo's value in this channel, normalised"
                            + " as the model expects: (v − mean) / std.").asResult()));
            case BatchNormUnit b -> new LedgerSection(e -> GraphLedgers.batchNorm((BatchNormUnit) e, previous));
            case ConstantOpUnit c -> new LedgerSection(e -> GraphLedgers.constantOp((ConstantOpUnit) e, previous));
            case MergeUnit m -> new LedgerSection(e -> GraphLedgers.merge((MergeUnit) e, snapshot.spec()));
            case GlobalPoolUnit g -> new LedgerSection(e -> GraphLedgers.globalPool((GlobalPoolUnit) e, previous));
            case PadUnit p -> new LedgerSection(e -> GraphLedgers.pad((PadUnit) e, previous));
        };
    }

    private static String title(NetworkSpec spec, UnitExplanation e) {
        UnitRef u = e.unit();
        String at = " · row " + (u.y() + 1) + ", col " + (u.x() + 1);
        int n = u.channel() + 1;
        return switch (e) {
            case InputUnit in -> "input · pixel" + (spec.input().channels() > 1
                    ? " channel " + Notation.channel(u.channel(), spec.input().channels()) : "") + at;
            case ConvUnit conv -> conv.layer() + " · filter " + n + at;
            case PoolUnit pool -> pool.layer() + " · channel " + n + at;
            case ActivationUnit a -> a.layer() + (isVector(spec, u.layer()) ? " · unit " + n
                    : " · channel " + n + at);
            case FlattenUnit f -> f.layer() + " · unit " + n;
            case DenseUnit dense -> dense.layer() + " · neuron " + n;
            case SoftmaxUnit softmax -> softmax.layer() + " · class " + u.channel();
            case BatchNormUnit b -> b.layer() + " · channel " + n + at;
            case ConstantOpUnit c -> c.layer() + (isVector(spec, u.layer()) ? " · unit " + n
                    : " · channel " + n + at);
            case MergeUnit m -> m.layer() + (isVector(spec, u.layer()) ? " · unit " + n
                    : " · channel " + n + at);
            case GlobalPoolUnit g -> g.layer() + " · channel " + n;
            case PadUnit p -> p.layer() + " · channel " + n + at;
        };
    }

    private static String subtitle(NetworkSpec spec, UnitRef unit) {
        ReceptiveField.Region r = ReceptiveField.inputRegion(spec, unit);
        Dims image = spec.input();
        String sees = r.height() == image.height() && r.width() == image.width() ? "sees the whole image"
                : r.height() == 0 || r.width() == 0 ? "sees no input pixel (padding)" : "sees input rows "
                        + (r.top() + 1) + "–" + r.bottom() + ", cols " + (r.left() + 1) + "–" + r.right();
        return unit.layer() < 0 ? "the network's input, " + image : spec.layers().get(unit.layer()).describe() + " · " + sees;
    }

    private static boolean isVector(NetworkSpec spec, int layer) {
        return spec.infer().get(layer).output().isVector();
    }

    private static String layerName(NetworkSpec spec, int layer) {
        return layer < 0 ? "input" : spec.layers().get(layer).name();
    }

    /** Names input i of a dense layer fed by layer {@code previous}: through a flatten, by its C, H, W unit. */
    private static IntFunction<String> inputNames(ForwardSnapshot snapshot, int previous) {
        List<LayerSpec> layers = snapshot.spec().layers();
        if (previous >= 0 && layers.get(previous) instanceof FlattenSpec) {
            Dims maps = snapshot.spec().infer().get(previous).input();
            String name = layerName(snapshot.spec(), snapshot.spec().sourcesOf(previous).get(0));
            int plane = maps.height() * maps.width();
            return i -> name + " c" + i / plane + " (" + i % plane / maps.width() + ", " + i % maps.width() + ")";
        }
        String name = layerName(snapshot.spec(), previous);
        return i -> name + " #" + i;
    }
}
