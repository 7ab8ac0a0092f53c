package org.convscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.io.FileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convscope render}: the explorer's network view of a model on one input, as a PNG, without a window. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Write the explorer's network view (the graph of every layer, its strongest channels) of a model"
                + " on one input as a PNG, headless: for slides, papers and CI.")
final class RenderCommand implements Callable<Integer> {
    /** Widest picture asked for: beyond it a PNG is no longer a picture of a view. */
    static final int MAX_WIDTH = 20_000;

    @Spec
    CommandSpec spec;

    @Mixin
    InputSizeOption size;

    @Option(names = "--model", paramLabel = "FILE", description = "model file or .onnx (default: the bundled LeNet-5)")
    Path model;

    @Option(names = "--input", paramLabel = "IMAGE|X.npy", required = true,
            description = "a PNG/JPG image, or a float32 .npy tensor of the model's input shape (the first sample is drawn)")
    Path input;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "where the PNG goes")
    Path out;

    @Option(names = "--width", paramLabel = "PX", description = "width of the PNG in pixels (default: the view at 1:1)")
    Integer width;

    @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light",
            description = "the explorer's theme (default: ${DEFAULT-VALUE})")
    String theme;

    @Option(names = "--layer", paramLabel = "NAME", description = "draw every channel of this layer instead of the graph")
    String layer;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() throws FileException {
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new IllegalArgumentException("--theme must be light or dark, got " + Cli.cut(theme));
        }
        if (width != null && (width < 16 || width > MAX_WIDTH)) {
            throw new IllegalArgumentException("--width must be 16.." + MAX_WIDTH + ", got " + width);
        }
        if (out.getFileName() == null || !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--out must name a .png file, got " + Cli.cut(String.valueOf(out)));
        }
        Network net = size.load(model).network();
        if (layer != null && net.spec().indexOf(layer) < 0) {
            throw new IllegalArgumentException("--layer: " + (model == null ? "the model" : model.getFileName())
                    + " has no layer named " + Cli.cut(layer));
        }
        InputOptions.Samples samples = inputs.read(input, net);
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
        System.arraycopy(samples.values(), 0, ws.input(), 0, net.input().size());
        ws.forward(1);
        ForwardSnapshot snapshot = ForwardSnapshot.capture(ws, 0);
        org.convscope.ui.explorer.UiBench.startHeadless();
        org.convscope.ui.explorer.network.GraphRender.Request request = new org.convscope.ui.explorer.network.GraphRender.Request(
                snapshot, theme.equals("light"), width == null ? 0 : width, layer);
        int[] wh;
        try {
            wh = org.convscope.ui.explorer.UiBench.onFx(() -> org.convscope.ui.explorer.network.GraphRender.render(request, out));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof FileException f) throw f; // the PNG could not be written
            throw e;
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d×%d pixels, %s on %s (%s)%n", out, wh[0], wh[1],
                layer == null ? net.spec().layers().size() + " layers" : layer, input.getFileName(), samples.source());
        return 0;
    }
}
