package org.convscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.convscope.engine.kernel.ConvPlan;
import org.convscope.engine.kernel.ConvPlans;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.Parallel;

/**
 * Times every convolution of ResNet-18 and MobileNetV2 at 224×224 ({@link ConvLayers}), one image, forward (and with
 * --backward the backward pass too), on 1 and 2 threads: per layer the median ms and GFLOP/s of the layer run alone
 * over and over, per network the sum of those and the median of whole passes (every layer in order, each reading the
 * output of the one before where the shapes chain). A plain main, not JMH: a pass over a network is a unit that
 * matters, and its layers must run in order.
 * <pre>
 * mvn -q test-compile
 * java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes org.convscope.bench.ConvBench \
 *      [--seconds 6] [--warmup 8] [--threads 1,2] [--network resnet18|mobilenet_v2] [--backward] [--torch FILE] [--cpu]
 *      [--stat median|min]
 * </pre>
 * --stat min reports the fastest run of each layer and pass instead of the median: on a machine busy with other work,
 * the runs that were not disturbed (give torch_convs.py the same option).
 * --cpu times the calling thread's CPU time instead of the wall clock: on a machine busy with other work it shows
 * what one thread costs without the time the thread waited for a core (meaningful for --threads 1 only).
 * --torch FILE reads the lines "network layer threads ms" that {@code src/bench/python/torch_convs.py --table FILE}
 * writes, and prints PyTorch's figures and the ratio (PyTorch's ms / ours: above 1, ConvScope is faster) beside ours.
 * Run the two in the same minute: the machine's speed moves with its load.
 */
public final class ConvBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static boolean cpuTime;
    private static boolean useMin;

    private ConvBench() {}

    private static long now() {
        return cpuTime ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** One layer ready to run: its plan per thread count and its buffers. */
    private record Bound(ConvLayers.Layer layer, ConvPlan[] plans, float[] w, float[] b, float[] x, float[] y,
                         float[] dy, float[] dw, float[] db, float[] dx) {}

    public static void main(String[] args) throws IOException {
        double seconds = 6;
        double warmup = 8;
        int[] threads = {1, 2};
        String only = null;
        boolean backward = false;
        Map<String, Double> torch = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--network" -> only = args[++i];
                case "--backward" -> backward = true;
                case "--torch" -> torch = readTorch(Path.of(args[++i]));
                case "--cpu" -> cpuTime = true;
                case "--stat" -> useMin = args[++i].equals("min");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Kernels kernels = KernelSelection.preferred();
        System.out.println("kernels: " + kernels.name() + ", threads " + Arrays.toString(threads) + (backward ? ", forward and backward" : ", forward")
                + (cpuTime ? ", the caller's CPU time" : ", wall clock") + (useMin ? ", fastest run" : ", median run"));
        Parallel[] pools = new Parallel[threads.length];
        for (int t = 0; t < threads.length; t++) pools[t] = Parallel.create(threads[t], "conv-bench");
        Map<String, List<ConvLayers.Layer>> networks = new java.util.LinkedHashMap<>();
        networks.put("resnet18", ConvLayers.resnet18());
        networks.put("mobilenet_v2", ConvLayers.mobilenetV2());
        for (var network : networks.entrySet()) {
            if (only != null && !only.equals(network.getKey())) continue;
            run(network.getKey(), bind(network.getValue(), pools, kernels), threads, seconds, warmup, backward, torch);
        }
        for (Parallel p : pools) p.close();
    }

    private static Map<String, Double> readTorch(Path file) throws IOException {
        Map<String, Double> ms = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4) ms.put(f[0] + " " + f[1] + " " + f[2], Double.parseDouble(f[3]));
        }
        return ms;
    }

    private static List<Bound> bind(List<ConvLayers.Layer> layers, Parallel[] pools, Kernels kernels) {
        SplittableRandom random = new SplittableRandom(1);
        List<Bound> bound = new ArrayList<>();
        for (ConvLayers.Layer layer : layers) {
            var g = layer.geometry();
            ConvPlan[] plans = new ConvPlan[pools.length];
            for (int t = 0; t < pools.length; t++) plans[t] = ConvPlans.create(g, pools[t], kernels);
            float scale = (float) Math.sqrt(2.0 / (g.groupChannels() * g.taps()));
            // A layer reads the output of the one before when the shapes chain, as in the network: warm in cache.
            Bound previous = bound.isEmpty() ? null : bound.getLast();
            float[] x = previous != null && previous.y.length == g.inputSize() ? previous.y : random(random, g.inputSize(), 1f);
            bound.add(new Bound(layer, plans, random(random, g.weightSize(), scale), random(random, g.filters(), 0.1f),
                    x, new float[g.outputSize()], random(random, g.outputSize(), 1f),
                    new float[g.weightSize()], new float[g.filters()], new float[g.inputSize()]));
        }
        return bound;
    }

    private static float[] random(SplittableRandom random, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) random.nextGaussian() * scale;
        return a;
    }

    /** Runs layer l once on plan set t; returns the ns it took. */
    private static long layer(Bound l, int t, boolean backward) {
        long start = now();
        l.plans[t].forward(l.w, 1, l.b, l.x, 0, l.y, 0);
        if (backward) l.plans[t].backward(l.w, l.x, 0, l.dy, 0, l.dw, l.db, l.dx, 0);
        return now() - start;
    }

    /** Runs every layer once in order on plan set t; returns the ns the pass took, and each layer's in inPass. */
    private static long pass(List<Bound> layers, int t, boolean backward, List<List<Long>> inPass) {
        long start = now();
        long before = start;
        for (int i = 0; i < layers.size(); i++) {
            Bound l = layers.get(i);
            l.plans[t].forward(l.w, 1, l.b, l.x, 0, l.y, 0);
            if (backward) l.plans[t].backward(l.w, l.x, 0, l.dy, 0, l.dw, l.db, l.dx, 0);
            long after = now();
            if (inPass != null) inPass.get(i).add(after - before);
            before = after;
        }
        return before - start;
    }

    /**
     * Per layer, that layer alone over and over (its buffers warm in cache, as PyTorch's figures per layer are
     * measured), then whole passes (each layer's output cold when the next network's pass comes back to it, as in
     * an explorer that keeps every layer's output). Rounds alternate the thread counts, so a busy minute hits both.
     */
    private static void run(String name, List<Bound> layers, int[] threads, double seconds, double warmup,
                            boolean backward, Map<String, Double> torch) {
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmEnd) for (int t = 0; t < threads.length; t++) pass(layers, t, backward, null);
        int rounds = 4;
        List<List<List<Long>>> layerTimes = new ArrayList<>(); // [thread setting][layer][sample]
        List<List<List<Long>>> inPass = new ArrayList<>();     // [thread setting][layer][pass]
        List<List<Long>> passTimes = new ArrayList<>();
        for (int t = 0; t < threads.length; t++) {
            layerTimes.add(new ArrayList<>());
            inPass.add(new ArrayList<>());
            for (int i = 0; i < layers.size(); i++) {
                layerTimes.get(t).add(new ArrayList<>());
                inPass.get(t).add(new ArrayList<>());
            }
            passTimes.add(new ArrayList<>());
        }
        long slice = (long) (seconds / rounds / threads.length / 2 * 1e9);
        for (int round = 0; round < rounds; round++) {
            for (int t = 0; t < threads.length; t++) {
                for (int i = 0; i < layers.size(); i++) {
                    long end = System.nanoTime() + slice / layers.size();
                    do layerTimes.get(t).get(i).add(layer(layers.get(i), t, backward)); while (System.nanoTime() < end);
                }
                long end = System.nanoTime() + slice;
                do passTimes.get(t).add(pass(layers, t, backward, inPass.get(t))); while (System.nanoTime() < end);
            }
        }
        print(name, layers, threads, layerTimes, inPass, passTimes, backward, torch);
    }

    /** The median of ns in ms, or their minimum with --stat min. */
    private static double medianMs(List<Long> ns) {
        long[] a = ns.stream().mapToLong(Long::longValue).sorted().toArray();
        return (useMin ? a[0] : a[a.length / 2]) / 1e6;
    }

    private static void print(String name, List<Bound> layers, int[] threads, List<List<List<Long>>> layerTimes,
                              List<List<List<Long>>> inPass, List<List<Long>> passTimes, boolean backward,
                              Map<String, Double> torch) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%n%s (%d whole passes on %d thread(s))%n%-22s %-14s",
                name, passTimes.get(0).size(), threads[0], "layer", "plan"));
        for (int t : threads) header.append(String.format(Locale.ROOT, " %8s %8s", t + "T ms", "in pass"));
        header.append(String.format(Locale.ROOT, " %8s", "GFLOP/s"));
        boolean compare = !torch.isEmpty() && !backward;
        if (compare) for (int t : threads) header.append(String.format(Locale.ROOT, " %9s %6s", "torch " + t + "T", "ratio"));
        System.out.println(header);
        double[] sums = new double[threads.length];
        double[] torchSums = new double[threads.length];
        long flops = 0;
        for (int i = 0; i < layers.size(); i++) {
            Bound l = layers.get(i);
            long layerFlops = 2 * l.layer.geometry().multiplyAdds() * (backward ? 3 : 1);
            flops += layerFlops;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-22s %-14s", l.layer.name(), l.plans[0].getClass().getSimpleName()));
            double last = 0;
            double[] ms = new double[threads.length];
            for (int t = 0; t < threads.length; t++) {
                ms[t] = medianMs(layerTimes.get(t).get(i));
                sums[t] += ms[t];
                last = ms[t];
                row.append(String.format(Locale.ROOT, " %8.3f %8.3f", ms[t], medianMs(inPass.get(t).get(i))));
            }
            row.append(String.format(Locale.ROOT, " %8.1f", layerFlops / last / 1e6));
            if (compare) {
                for (int t = 0; t < threads.length; t++) {
                    Double theirs = torch.get(name + " " + l.layer.name() + " " + threads[t]);
                    if (theirs == null) continue;
                    torchSums[t] += theirs;
                    row.append(String.format(Locale.ROOT, " %9.3f %6.2f", theirs, theirs / ms[t]));
                }
            }
            System.out.println(row);
        }
        StringBuilder sum = new StringBuilder(String.format(Locale.ROOT, "%-37s", "sum of the layers' medians"));
        StringBuilder whole = new StringBuilder(String.format(Locale.ROOT, "%-37s", "whole passes, median"));
        for (int t = 0; t < threads.length; t++) {
            sum.append(String.format(Locale.ROOT, " %8.3f %8s", sums[t], ""));
            whole.append(String.format(Locale.ROOT, " %8s %8.3f", "", medianMs(passTimes.get(t))));
        }
        sum.append(String.format(Locale.ROOT, " %8.1f", flops / sums[threads.length - 1] / 1e6));
        if (compare) for (int t = 0; t < threads.length; t++) sum.append(String.format(Locale.ROOT, " %9.3f %6.2f", torchSums[t], torchSums[t] / sums[t]));
        System.out.println(sum);
        System.out.println(whole);
    }
}
