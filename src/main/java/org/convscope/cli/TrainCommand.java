package org.convscope.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convscope.data.Cifar10;
import org.convscope.data.DatasetFit;
import org.convscope.data.DatasetFolder;
import org.convscope.data.TrainTest;
import org.convscope.engine.Dims;
import org.convscope.engine.Loss;
import org.convscope.engine.Network;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.engine.train.EpochResult;
import org.convscope.engine.train.ShiftAugmentation;
import org.convscope.engine.train.TrainConfig;
import org.convscope.engine.train.Trainer;
import org.convscope.engine.train.TrainingDivergedException;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import org.convscope.training.DatasetSamples;
import org.convscope.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code convscope train}: trains a network headless, reporting every epoch, and saves it after each one. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network on an IDX data set or CIFAR-10 (default: the bundled MNIST) and save it.")
final class TrainCommand implements Callable<Integer> {
    enum OptimizerName { sgd, momentum, adam }

    enum LossName { ce, mse }

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    InputSizeOption size;

    @Option(names = "--data", paramLabel = "DIR", description = "IDX data set folder, or CIFAR-10's binary batches (default: bundled MNIST)")
    Path data;

    @Option(names = "--arch", paramLabel = "lenet5|tiny|lenet5-32|wide|FILE", defaultValue = "lenet5",
            description = "preset name or architecture JSON file (default: ${DEFAULT-VALUE})")
    String arch;

    @Option(names = "--model", paramLabel = "FILE", description = "start from this model's architecture and weights"
            + " (a ConvScope model file or .onnx: fine-tuning) instead of --arch")
    Path model;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64",
            description = "mini-batch size, 1.." + TrainingSettings.MAX_BATCH + " (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate (default: 0.1 sgd, 0.05 momentum, 0.001 adam)")
    Float lr;

    @Option(names = "--optimizer", paramLabel = "sgd|momentum|adam", defaultValue = "momentum",
            description = "update rule (default: ${DEFAULT-VALUE}, μ = 0.9)")
    OptimizerName optimizer;

    @Option(names = "--weight-decay", paramLabel = "λ", defaultValue = "0", description = "L2 weight decay (default: 0)")
    float weightDecay;

    @Option(names = "--loss", paramLabel = "ce|mse", defaultValue = "ce",
            description = "cross-entropy, or mse = ½Σ(target − output)² (default: ${DEFAULT-VALUE})")
    LossName loss;

    @Option(names = "--constant-lr", description = "keep the learning rate constant instead of a cosine decay")
    boolean constantLr;

    @Option(names = "--shift", paramLabel = "PX", defaultValue = "1",
            description = "augment: move each training image by up to PX pixels (default: ${DEFAULT-VALUE})")
    int shift;

    @Option(names = "--threads", paramLabel = "T", description = "threads, 1.." + Cli.MAX_THREADS + " (default: all cores)")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train-last", paramLabel = "N", defaultValue = "0",
            description = "train only the last N layers with weights, the others frozen (fine-tuning; 0: all layers)")
    int trainLast;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "train on the first N training images only (0: all)")
    int limit;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "model.safetensors",
            description = "where to save the model, after every epoch (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--json", description = "one JSON object per line and epoch")
    boolean json;

    @Override
    public Integer call() throws FileException {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainConfig config = config();
        ModelFile.Model start = model == null ? null : size.load(model);
        NetworkSpec architecture = start == null ? architecture() : start.network().spec();
        TrainTest sets = fitted(data == null ? DatasetFolder.bundledMnist()
                : Cifar10.isCifar(data) ? Cifar10.load(data) : DatasetFolder.load(data), architecture);
        DatasetSamples plain = DatasetSamples.of(sets.train(), limit);
        ShiftAugmentation train = new ShiftAugmentation(plain, shift, seed);
        DatasetSamples test = DatasetSamples.of(sets.test(), 0);
        checkFits(architecture, plain);
        Network network = start == null ? initialized(architecture) : start.network();
        ProgressBar bar = json ? null : ProgressBar.onTerminal();
        if (!json) {
            stdout.printf(Locale.ROOT, "training %s (%,d parameters) on %s: %,d training and %,d test images, %s, %d thread(s), %s%n",
                    architecture.name(), architecture.parameterCount(), sets.train().name(), train.size(), test.size(),
                    describe(config), config.threads(), KernelSelection.preferred().name());
        }
        int saved = 0;
        try (Trainer trainer = new Trainer(network, config, KernelSelection.preferred())) {
            trainer.planSteps((long) epochs * ((train.size() + batch - 1) / batch));
            for (int epoch = 1; epoch <= epochs; epoch++) {
                int e = epoch;
                train.setEpoch(epoch);
                EpochResult r;
                try {
                    r = trainer.trainEpoch(train, test, epoch,
                            bar == null ? null : (b, total, result) -> bar.update(e, epochs, b, total, result.loss()));
                } catch (TrainingDivergedException diverged) {
                    if (bar != null) bar.clear();
                    throw stopped(diverged, epoch, saved);
                }
                if (bar != null) bar.clear();
                java.util.Map<String, String> metadata = metadata(r, sets.train().name());
                if (start != null && start.hasLabels()) metadata.put(ModelFile.LABELS, start.metadata().get(ModelFile.LABELS));
                ModelFile.save(out, network, metadata);
                saved = epoch;
                report(stdout, r);
            }
        }
        if (!json) stdout.println("saved " + out);
        return 0;
    }

    /**
     * The one line a diverged run ends with: the step, its loss, what happened, and the model file as it stays (the
     * last epoch saved before it diverged; the diverged weights are never saved).
     */
    private TrainingDivergedException stopped(TrainingDivergedException e, int epoch, int savedEpoch) {
        String kept = savedEpoch == 0 ? "no model was saved" : out + " keeps the model of epoch " + savedEpoch;
        return new TrainingDivergedException(e.step(), e.loss(), e.reason(), String.format(Locale.ROOT,
                "training diverged at step %,d (epoch %d, loss %s): %s; %s", e.step(), epoch,
                Double.isFinite(e.loss()) ? String.format(Locale.ROOT, "%.4g", e.loss()) : Double.toString(e.loss()),
                e.reason(), kept));
    }

    private NetworkSpec architecture() throws FileException {
        NetworkSpec preset = Presets.byName(arch);
        if (preset != null) return preset;
        Path file = Path.of(arch);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(FileException.cut(arch, 80) + ": no such preset or architecture file (presets: "
                    + String.join(", ", Presets.all().stream().map(p -> p.key()).toList()) + ")");
        }
        return ArchitectureFile.read(file);
    }

    /** Fresh weights for the architecture; one too large for the heap is refused naming its file. */
    private Network initialized(NetworkSpec architecture) {
        try {
            return Network.initialized(architecture, seed);
        } catch (InvalidNetworkException e) {
            throw new IllegalArgumentException(architectureName() + ": " + e.getMessage(), e);
        }
    }

    /** How the architecture is named in messages: the model's file name, the architecture file's, or the preset's. */
    private String architectureName() {
        if (model != null) return FileException.displayName(model);
        return Presets.byName(arch) != null ? "--arch " + arch : FileException.displayName(Path.of(arch));
    }

    /** How the data set is named in messages. */
    private String dataName() {
        return data == null ? "the bundled MNIST" : FileException.displayName(data);
    }

    /**
     * Pads (or resizes) the images to the network's input size, e.g. MNIST's 28×28 to lenet5-32's 32×32; an input too
     * large for the heap is refused naming the architecture that asks for it.
     */
    private TrainTest fitted(TrainTest sets, NetworkSpec architecture) {
        Dims in = architecture.input();
        if (in.channels() != sets.train().channels()) return sets;
        try {
            return DatasetFit.to(sets, in.height(), in.width());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(architectureName() + " (" + architecture.name() + ") takes "
                    + in.height() + "×" + in.width() + " images: " + e.getMessage(), e);
        }
    }

    private void checkFits(NetworkSpec architecture, DatasetSamples train) {
        Dims expected = architecture.input();
        String where = architectureName() + " (" + architecture.name() + ")";
        if (!expected.equals(train.dims())) {
            throw new IllegalArgumentException(where + ": expects " + expected + " images, " + dataName() + " has "
                    + train.dims());
        }
        if (architecture.numClasses() < train.numClasses()) {
            throw new IllegalArgumentException(where + ": has " + architecture.numClasses() + " outputs, " + dataName()
                    + " has " + train.numClasses() + " classes");
        }
    }

    private TrainConfig config() {
        if (epochs <= 0) throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        if (batch <= 0 || batch > TrainingSettings.MAX_BATCH) {
            throw new ParameterException(spec.commandLine(), "--batch must be 1.." + TrainingSettings.MAX_BATCH
                    + ", got " + batch);
        }
        int t = Cli.threads(spec, threads);
        OptimizerConfig opt = switch (optimizer) {
            case sgd -> OptimizerConfig.sgd(lr == null ? 0.1f : lr);
            case momentum -> OptimizerConfig.momentum(lr == null ? 0.05f : lr, 0.9f);
            case adam -> OptimizerConfig.adam(lr == null ? 0.001f : lr);
        };
        if (trainLast < 0) throw new IllegalArgumentException("--train-last must be at least 0 (0: all layers), got " + trainLast);
        return new TrainConfig(opt.withWeightDecay(weightDecay), loss == LossName.ce ? Loss.CROSS_ENTROPY : Loss.SQUARED_ERROR,
                batch, epochs, t, seed, !constantLr, trainLast);
    }

    private static String describe(TrainConfig c) {
        return String.format(Locale.ROOT, "%s lr %s%s, batch %d, %d epoch(s)%s", c.optimizer().kind().name().toLowerCase(Locale.ROOT),
                c.optimizer().learningRate(), c.cosine() ? " (cosine decay)" : "", c.batchSize(), c.epochs(),
                c.trainLast() == 0 ? "" : ", only the last " + c.trainLast() + " layers with weights training");
    }

    private Map<String, String> metadata(EpochResult r, String dataName) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("trained_on", dataName);
        m.put("epochs", Integer.toString(r.epoch()));
        m.put("test_accuracy", String.format(Locale.ROOT, "%.4f", r.testAccuracy()));
        m.put("seed", Long.toString(seed));
        m.put("settings", describe(config()) + ", shift " + shift + " px");
        return m;
    }

    private void report(PrintWriter stdout, EpochResult r) {
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("epoch", r.epoch());
            o.addProperty("loss", r.loss());
            o.addProperty("train_accuracy", r.trainAccuracy());
            o.addProperty("test_accuracy", r.testAccuracy());
            o.addProperty("images_per_second", r.imagesPerSecond());
            stdout.println(o);
        } else {
            stdout.printf(Locale.ROOT, "epoch %d: loss %.4f, train accuracy %.2f%%, test accuracy %.2f%%, %,.0f images/s%n",
                    r.epoch(), r.loss(), 100 * r.trainAccuracy(), 100 * r.testAccuracy(), r.imagesPerSecond());
        }
    }
}
