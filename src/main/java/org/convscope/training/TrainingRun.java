package org.convscope.training;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.train.BatchResult;
import org.convscope.engine.train.DivergenceGuard;
import org.convscope.engine.train.Evaluation;
import org.convscope.engine.train.Freezing;
import org.convscope.engine.train.SampleSource;
import org.convscope.engine.train.ShiftAugmentation;
import org.convscope.engine.train.StepProbe;
import org.convscope.engine.train.Trainer;
import org.convscope.engine.train.TrainingDivergedException;

/**
 * The state of a training run and the steps that change it: a network, its trainer, where training is in the
 * shuffled data, the curves, the filter timeline and the last good weights. Batches follow the order of
 * {@link Trainer#trainEpoch} (the permutation {@code shuffled(n, seed·31 + epoch)}), so a run here trains exactly as
 * the engine does. A {@link DivergenceGuard} watches every step; the weights to roll back to are kept only while it
 * sees nothing wrong, so a slow explosion is rolled back to before it began. Not thread-safe: owned by the training
 * thread.
 */
final class TrainingRun implements AutoCloseable {
    /**
     * Good weights are remembered every this many steps, to roll back to when training diverges: while the
     * {@link DivergenceGuard} sees nothing wrong, and once the learning rate has trained this many steps (a rate just
     * raised has not yet shown that it works).
     */
    static final int CHECKPOINT_EVERY = 20;
    private static final int PREDICT_CHUNK = 100;

    /** Weights to roll back to, with the learning rate they were reached with. */
    private record Checkpoint(long step, float[][] params, float[][][] optimizerState, long optimizerSteps,
                              float learningRate) {}

    private final SampleSource plainTrain;
    private final SampleSource test;
    private final Kernels kernels;
    private final Curves curves = new Curves();
    private final FilterTimeline timeline = new FilterTimeline();
    private final DivergenceGuard guard = new DivergenceGuard();
    private NetworkSpec spec;
    private StartWeights start; // null: every layer starts fresh
    private TrainingSettings settings;
    private Network network;
    private List<Integer> convIndices;
    private Trainer trainer;
    private ShiftAugmentation train;
    private Workspace probeWorkspace;
    private int[] order;
    private int epoch;
    private int position;
    private long step;
    private int epochImages;  // the images of this epoch that epochLoss and epochCorrect count
    private double epochLoss;
    private long epochCorrect;
    private Checkpoint good;
    private long rateSince; // the step from which the learning rate has been what it is
    private Evaluation lastTest;
    private long lastTestStep = -1;
    private float[][] lastTestParams;
    private int[] predictions;
    private HealthMonitor healthMonitor;
    private HealthSnapshot health;

    /** @param start the weights to start from (and to go back to on reset), or null for fresh ones */
    TrainingRun(NetworkSpec spec, SampleSource train, SampleSource test, TrainingSettings settings, Kernels kernels,
                StartWeights start) {
        if (!spec.input().equals(train.dims())) {
            throw new IllegalArgumentException(spec.name() + ": the network takes " + spec.input()
                    + " inputs, the training images are " + train.dims());
        }
        if (spec.numClasses() != train.numClasses()) {
            throw new IllegalArgumentException(spec.name() + ": the network has " + spec.numClasses()
                    + " outputs, the data set has " + train.numClasses() + " classes");
        }
        if (!test.dims().equals(train.dims()) || test.size() == 0) {
            throw new IllegalArgumentException("the test set must be non-empty with images of " + train.dims()
                    + ", got " + test.size() + " of " + test.dims());
        }
        this.plainTrain = train;
        this.test = test;
        this.kernels = kernels;
        this.spec = spec;
        this.start = start;
        reset(settings);
    }

    /**
     * Starts over: the start weights where the layers take them, new ones from the settings' seed elsewhere, epoch 0,
     * empty curves and timeline.
     */
    void reset(TrainingSettings newSettings) {
        settings = newSettings;
        Network net = Network.initialized(spec, settings.seed());
        if (start != null) start.applyTo(net);
        setNetwork(net);
        epoch = 0;
        position = 0;
        step = 0;
        epochImages = 0;
        epochLoss = 0;
        epochCorrect = 0;
        curves.clear();
        timeline.clear();
        lastTest = null;
        lastTestStep = -1;
        lastTestParams = null;
        predictions = null;
        guard.reset();
        rateSince = 0;
        startEpoch();
        timeline.offer(0, this::filterCopies);
        checkpoint();
        health = healthMonitor.measure(0, settings.loss());
    }

    private void setNetwork(Network net) {
        network = net;
        convIndices = ConvFilters.convWeightIndices(net);
        probeWorkspace = new Workspace(net, kernels, 1);
        healthMonitor = new HealthMonitor(net, kernels, plainTrain);
        rebuildTrainer(false);
    }

    private void rebuildTrainer(boolean keepOptimizerState) {
        float[][][] state = null;
        long optimizerSteps = 0;
        if (trainer != null) {
            if (keepOptimizerState && trainer.optimizer().config().kind() == settings.optimizer().kind()) {
                state = copy(trainer.optimizer().state());
                optimizerSteps = trainer.optimizer().steps();
            }
            trainer.close();
        }
        trainer = new Trainer(network, settings.trainConfig(), kernels, guard);
        if (state != null) trainer.optimizer().restore(state, optimizerSteps);
        healthMonitor.setFrozen(Freezing.frozenLayers(network, settings.trainLast()));
        train = new ShiftAugmentation(plainTrain, settings.shift(), settings.seed());
        train.setEpoch(epoch);
    }

    private void startEpoch() {
        order = Trainer.shuffled(plainTrain.size(), settings.seed() * 31 + epoch);
        train.setEpoch(epoch);
    }

    /**
     * Changes the settings. The learning rate, optimizer, loss, batch size and shift apply from the next step (the
     * optimizer's momentum is kept when its kind stays the same); a new seed applies at the next reset.
     */
    void setSettings(TrainingSettings newSettings) {
        boolean seedOnly = newSettings.withSeed(settings.seed()).equals(settings);
        boolean rateOnly = newSettings.withLearningRate(settings.optimizer().learningRate()).withSeed(settings.seed())
                .equals(settings);
        if (newSettings.optimizer().learningRate() != settings.optimizer().learningRate()) rateSince = step;
        settings = newSettings;
        if (rateOnly) trainer.setLearningRate(newSettings.optimizer().learningRate());
        else if (!seedOnly) rebuildTrainer(true);
    }

    /**
     * Trains on the next {@code maxCount} samples (fewer at the end of an epoch); at the end of an epoch, evaluates
     * the test set and starts the next one. On divergence the last good weights are restored and the exception,
     * with a message in words, is thrown.
     */
    BatchResult step(int maxCount) {
        return step(maxCount, null);
    }

    /** {@link #step(int)}, shown to {@code probe} between its backward pass and its update. */
    private BatchResult step(int maxCount, StepProbe probe) {
        int count = Math.min(maxCount, order.length - position);
        BatchResult result = train(train, order, position, count, probe);
        position += count;
        epochImages += count;
        epochLoss += result.loss() * count;
        epochCorrect += result.correct();
        if (position == order.length) finishEpoch();
        return result;
    }

    /**
     * One training step on samples {@code indices[from, from + count)} of {@code source}: the update, the curves, the
     * timeline, the health, the checkpoint; on divergence the last good weights come back and the exception, with a
     * message in words, is thrown.
     */
    private BatchResult train(SampleSource source, int[] indices, int from, int count, StepProbe probe) {
        BatchResult result;
        boolean measure = healthMonitor.beforeStep();
        try {
            result = trainer.trainBatch(source, indices, from, count, probe);
        } catch (TrainingDivergedException e) {
            healthMonitor.cancelStep();
            throw rollBack(e);
        }
        step++;
        curves.addBatch(step, result.loss(), (double) result.correct() / count);
        timeline.offer(step, this::filterCopies);
        if (measure) health = healthMonitor.measure(step, settings.loss());
        if (step % CHECKPOINT_EVERY == 0 && guard.calm() && step - rateSince >= CHECKPOINT_EVERY) checkpoint();
        return result;
    }

    /**
     * One step on the next single training sample, exactly as {@link #step(int) step(1)}, recording its four phases
     * from the engine's own buffers: the forward pass, the loss, the backward pass and the update.
     */
    StepPhases stepInPhases() {
        int sample = order[position];
        float[][] before = network.copyParams();
        StepPhases.Recorder recorder = new StepPhases.Recorder(network, convIndices, settings, sample,
                String.format(Locale.ROOT, "training image #%,d", sample), train.label(sample), before);
        BatchResult result = step(1, recorder);
        return recorder.finish(step, result.loss(), network.copyParams());
    }

    /**
     * One step on a chosen image (the probe, a test image) with its label, recording its four phases: a real step,
     * the same as one on a training image, but outside the epoch (its place in the data does not move).
     *
     * @param image of the network's input shape
     */
    StepPhases stepInPhases(float[] image, int label, String name) {
        if (image.length != spec.input().size()) {
            throw new IllegalArgumentException(name + " has " + image.length + " values, the network takes "
                    + spec.input() + " = " + spec.input().size());
        }
        if (label < 0 || label >= spec.numClasses()) {
            throw new IllegalArgumentException(name + ": class " + label + " outside 0.." + (spec.numClasses() - 1));
        }
        float[][] before = network.copyParams();
        StepPhases.Recorder recorder = new StepPhases.Recorder(network, convIndices, settings, -1, name, label, before);
        BatchResult result = train(new OneImage(image, label, plainTrain), new int[] {0}, 0, 1, recorder);
        return recorder.finish(step, result.loss(), network.copyParams());
    }

    /** One image as a data set. */
    private record OneImage(float[] image, int label, SampleSource like) implements SampleSource {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public org.convscope.engine.Dims dims() {
            return like.dims();
        }

        @Override
        public int numClasses() {
            return like.numClasses();
        }

        @Override
        public int label(int index) {
            return label;
        }

        @Override
        public void fill(int[] indices, int from, int count, float[] out) {
            System.arraycopy(image, 0, out, 0, image.length);
        }
    }

    private void finishEpoch() {
        Evaluation eval = evaluate();
        int n = Math.max(1, epochImages);
        curves.addEpoch(new EpochPoint(epoch, step, epochLoss / n, (double) epochCorrect / n, eval.loss(), eval.accuracy()));
        epoch++;
        position = 0;
        epochImages = 0;
        epochLoss = 0;
        epochCorrect = 0;
        startEpoch();
    }

    /**
     * Puts the last good weights and optimizer state back and tells what happened: which rule the run broke, that
     * the weights of the last good step are back, and which learning rate to try: the one that reached those weights
     * when it was lower, else the optimizer's usual one (or a tenth of this one, if that is lower still).
     */
    private TrainingDivergedException rollBack(TrainingDivergedException e) {
        network.restoreParams(good.params());
        trainer.optimizer().restore(good.optimizerState(), good.optimizerSteps());
        guard.reset();
        float lr = settings.optimizer().learningRate();
        String advice = good.learningRate() < lr && good.step() > 0
                ? String.format(Locale.ROOT, "η = %s trained well up to step %,d: set it back and press play.",
                        trim(good.learningRate()), good.step())
                : String.format(Locale.ROOT, "The learning rate %s is probably too high: lower it (try %s) and press"
                        + " play.", trim(lr), trim(suggestedRate(settings.optimizer().kind(), lr)));
        return new TrainingDivergedException(e.step(), e.loss(), e.reason(), String.format(Locale.ROOT,
                "Training diverged at step %,d: %s. Training paused; the weights of step %,d were restored. %s",
                e.step(), e.reason(), good.step(), advice));
    }

    /** A learning rate to try after η diverged: the optimizer's usual one when lower, else η / 10. */
    static float suggestedRate(OptimizerConfig.Kind kind, float lr) {
        float usual = switch (kind) {
            case SGD -> 0.1f;
            case MOMENTUM -> 0.05f;
            case ADAM -> 0.001f;
        };
        return usual < lr ? usual : lr / 10;
    }

    private static String trim(float v) {
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+($|e)", "$1");
    }

    private void checkpoint() {
        good = new Checkpoint(step, network.copyParams(), copy(trainer.optimizer().state()), trainer.optimizer().steps(),
                settings.optimizer().learningRate());
    }

    /** Evaluates the test set with the current weights and remembers the result for {@link #testSamples}. */
    Evaluation evaluate() {
        lastTest = trainer.evaluate(test);
        lastTestStep = step;
        lastTestParams = network.copyParams();
        predictions = null;
        return lastTest;
    }

    /** Indices of the test samples of class {@code trueClass} that the last evaluation classified as {@code predicted}. */
    int[] testSamples(int trueClass, int predicted) {
        if (lastTestParams == null) return new int[0];
        if (predictions == null) predictions = predict(lastTestParams);
        int[] picked = new int[test.size()];
        int n = 0;
        for (int i = 0; i < test.size(); i++) {
            if (test.label(i) == trueClass && predictions[i] == predicted) picked[n++] = i;
        }
        return Arrays.copyOf(picked, n);
    }

    private int[] predict(float[][] params) {
        Network net = Network.withParams(spec, values(params));
        Workspace ws = new Workspace(net, kernels, PREDICT_CHUNK);
        int[] all = new int[test.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        int[] predicted = new int[all.length];
        for (int from = 0; from < all.length; from += PREDICT_CHUNK) {
            int n = Math.min(PREDICT_CHUNK, all.length - from);
            test.fill(all, from, n, ws.input());
            ws.forward(n);
            for (int i = 0; i < n; i++) predicted[from + i] = ws.predicted(i);
        }
        return predicted;
    }

    /** A copy of the network as it is now, independent of further training. */
    Network networkCopy() {
        return Network.withParams(spec, values(network.copyParams()));
    }

    /** These parameter values and the network's buffers (which training does not change), by name. */
    private Map<String, float[]> values(float[][] params) {
        Map<String, float[]> map = new HashMap<>();
        List<Param> names = network.params();
        for (int i = 0; i < names.size(); i++) map.put(names.get(i).name(), params[i]);
        for (Param b : network.buffers()) map.put(b.name(), b.value());
        return map;
    }

    private float[][] bufferCopies() {
        float[][] copy = new float[network.buffers().size()][];
        for (int i = 0; i < copy.length; i++) copy[i] = network.buffers().get(i).value().clone();
        return copy;
    }

    /** The forward pass of one image with the current weights. */
    ForwardSnapshot probe(float[] image) {
        System.arraycopy(image, 0, probeWorkspace.input(), 0, image.length);
        probeWorkspace.forward(1);
        return ForwardSnapshot.capture(probeWorkspace, 0);
    }

    private List<ConvFilters> filterCopies() {
        return ConvFilters.of(network, convIndices, network.copyParams());
    }

    List<ConvFilters> filters(ForwardSnapshot probe) {
        return ConvFilters.of(network, convIndices, probe.params());
    }

    SessionState capture(String dataset) {
        return new SessionState(spec, settings, network.copyParams(), copy(trainer.optimizer().state()),
                trainer.optimizer().steps(), step, epoch, position, curves.snapshot(), timeline.frames(),
                timeline.interval(), dataset, bufferCopies(), start, epochImages, epochLoss, epochCorrect);
    }

    /** Continues a saved session (the same data set must be loaded). */
    void restore(SessionState saved) {
        spec = saved.spec();
        start = saved.start();
        settings = saved.settings();
        Network net = Network.initialized(spec, 0);
        net.restoreParams(saved.params());
        restoreBuffers(net, saved.buffers());
        epoch = saved.epoch();
        trainer = closeAndNull(trainer);
        setNetwork(net);
        trainer.optimizer().restore(saved.optimizerState(), saved.optimizerSteps());
        step = saved.step();
        startEpoch();
        if (saved.position() < 0 || saved.position() > order.length) {
            throw new IllegalArgumentException("position " + saved.position() + " outside the " + order.length
                    + " training samples");
        }
        position = saved.position();
        epochImages = saved.epochImages();
        epochLoss = saved.epochLoss();
        epochCorrect = saved.epochCorrect();
        guard.reset();
        rateSince = step;
        curves.restore(saved.curves());
        timeline.restore(saved.timeline(), saved.timelineInterval());
        lastTest = null;
        lastTestStep = -1;
        lastTestParams = null;
        predictions = null;
        checkpoint();
        health = healthMonitor.measure(step, settings.loss());
    }

    private static void restoreBuffers(Network net, float[][] buffers) {
        List<Param> to = net.buffers();
        if (buffers.length != to.size()) {
            throw new IllegalArgumentException(buffers.length + " buffers, the network has " + to.size());
        }
        for (int i = 0; i < buffers.length; i++) {
            if (buffers[i].length != to.get(i).size()) {
                throw new IllegalArgumentException(to.get(i).name() + ": " + buffers[i].length + " values, expected "
                        + to.get(i).size());
            }
            System.arraycopy(buffers[i], 0, to.get(i).value(), 0, buffers[i].length);
            to.get(i).changed();
        }
    }

    private static Trainer closeAndNull(Trainer t) {
        if (t != null) t.close();
        return null;
    }

    static float[][][] copy(float[][][] state) {
        float[][][] out = new float[state.length][][];
        for (int k = 0; k < state.length; k++) {
            out[k] = new float[state[k].length][];
            for (int i = 0; i < state[k].length; i++) out[k][i] = state[k][i] == null ? null : state[k][i].clone();
        }
        return out;
    }

    NetworkSpec spec() {
        return spec;
    }

    /** The weights the run started from, or null for fresh ones. */
    StartWeights start() {
        return start;
    }

    TrainingSettings settings() {
        return settings;
    }

    Network network() {
        return network;
    }

    long step() {
        return step;
    }

    int epoch() {
        return epoch;
    }

    int position() {
        return position;
    }

    int trainSize() {
        return order.length;
    }

    CurveSnapshot curves() {
        return curves.snapshot();
    }

    List<TimelineFrame> timeline() {
        return timeline.frames();
    }

    /** Measures the health of the next step, however soon it comes (a step the user asked for). */
    void measureHealthNextStep() {
        healthMonitor.measureNextStep();
    }

    /** Measures the health now unless the last measurement is of this step (e.g. when training pauses). */
    void measureHealth() {
        if (health == null || health.step() != step) health = healthMonitor.measure(step, settings.loss());
    }

    /** The last health measurement (see {@link HealthMonitor}). */
    HealthSnapshot health() {
        return health;
    }

    Evaluation lastTest() {
        return lastTest;
    }

    long lastTestStep() {
        return lastTestStep;
    }

    SampleSource testSource() {
        return test;
    }

    @Override
    public void close() {
        trainer.close();
    }
}
