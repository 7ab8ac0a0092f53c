package org.convscope.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convscope.engine.Dims;
import org.convscope.engine.Loss;
import org.convscope.engine.MemoryBudget;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Parallel;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convscope infer}: a model's raw output for a tensor or an image. */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Run a model on a NumPy .npy tensor of its input shape (batch first) or on an image, and print"
                + " its output.")
final class InferCommand implements Callable<Integer> {
    /** The most samples one .npy may hold for one run. */
    static final int MAX_BATCH = 4096;

    @Spec
    CommandSpec spec;

    @Mixin
    InputSizeOption size;

    @Option(names = "--model", paramLabel = "FILE", description = "model file or .onnx (default: the bundled LeNet-5)")
    Path model;

    @Option(names = "--input", paramLabel = "X.npy|IMAGE", required = true,
            description = "a float32 .npy tensor [N, C, H, W] (or [C, H, W]), or a PNG/JPG image")
    Path input;

    @Option(names = "--json", description = "print {\"model\", \"input_shape\", \"output_shape\", \"output\", \"milliseconds\"}")
    boolean json;

    @Option(names = "--threads", paramLabel = "T", description = "threads, 1.." + Cli.MAX_THREADS + " (default: all cores)")
    Integer threads;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() throws FileException {
        PrintWriter out = spec.commandLine().getOut();
        int t = Cli.threads(spec, threads); // a usage error, before any file is read
        ModelFile.Model loaded = size.load(model);
        Network net = loaded.network();
        InputOptions.Samples samples = inputs.read(input, net);
        int n = samples.count();
        if (n > MAX_BATCH) throw new FileException(input, "holds " + n + " samples; infer runs at most " + MAX_BATCH);
        MemoryBudget.requireFloats(input.getFileName() + ": " + n + " samples", MemoryBudget.product(n, net.input().size(), 2));
        int classes = net.numClasses();
        float[] output = new float[n * classes];
        long nanos;
        try (Parallel parallel = Parallel.create(t, "convscope-infer")) {
            int batch = Math.min(n, 64);
            Workspace ws = new Workspace(net, KernelSelection.preferred(), batch, parallel);
            int size = net.input().size();
            long start = System.nanoTime();
            for (int first = 0; first < n; first += batch) {
                int count = Math.min(batch, n - first);
                System.arraycopy(samples.values(), first * size, ws.input(), 0, count * size);
                ws.forward(count);
                System.arraycopy(ws.result(), 0, output, first * classes, count * classes);
            }
            nanos = System.nanoTime() - start;
        }
        Dims in = net.input();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("model", model == null ? "bundled LeNet-5" : model.getFileName().toString());
            o.add("input_shape", ints(in.isVector() ? new int[] {n, in.size()} : new int[] {n, in.channels(), in.height(), in.width()}));
            o.add("output_shape", ints(n, classes));
            JsonArray values = new JsonArray();
            for (float v : output) values.add(v);
            o.add("output", values);
            o.addProperty("milliseconds", nanos / 1e6);
            out.println(o);
            return 0;
        }
        out.printf(Locale.ROOT, "%s (%s) → %d×%d in %.2f ms%n", input.getFileName(), samples.source(), n, classes, nanos / 1e6);
        Loss.Output kind = Loss.Output.of(net.spec());
        float[] p = new float[classes];
        for (int i = 0; i < n; i++) {
            kind.probabilities(output, i * classes, classes, p);
            StringBuilder line = new StringBuilder(n > 1 ? "  sample " + i + ":" : "  ");
            for (int best : Ranking.top(p, 5)) {
                line.append(String.format(Locale.ROOT, " %s (%.1f%%)", loaded.className(best), 100 * p[best]));
            }
            out.println(line);
        }
        return 0;
    }

    private static JsonArray ints(int... values) {
        JsonArray a = new JsonArray();
        for (int v : values) a.add(v);
        return a;
    }
}
