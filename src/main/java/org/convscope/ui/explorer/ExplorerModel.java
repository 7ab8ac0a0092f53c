package org.convscope.ui.explorer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetFolder;
import org.convscope.data.ImageInput;
import org.convscope.data.InkImage;
import org.convscope.data.Photo;
import org.convscope.data.PhotoPreprocess;
import org.convscope.data.PreprocessChoices;
import org.convscope.engine.Network;
import org.convscope.engine.explain.GradCam;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.Parallel;
import org.convscope.engine.kernel.ScalarKernels;
import org.convscope.engine.train.SampleSource;
import org.convscope.io.AppFiles;
import org.convscope.io.Failures;
import org.convscope.io.FileException;
import org.convscope.lecture.Notation;
import org.convscope.model.DigitInput;
import org.convscope.model.ModelFile;
import org.convscope.model.TensorInput;
import org.convscope.open.Models;
import org.convscope.training.DatasetSamples;
import org.convscope.ui.explorer.draw.Drawing;

/**
 * The explorer's view model. A model that takes drawn digits gets the drawing; any other gets a photo (or an .npy
 * tensor), loaded and preprocessed on the io thread. The drawing or photo goes, on every change, to the "convscope-inference" thread (latest wins);
 * finished frames come back to the FX thread batched: at most one hand-over is queued, and it publishes the newest
 * frame. Files and the test set load on a "convscope-io" thread. Views observe the read-only properties and call the
 * commands; all of them on the FX thread.
 */
public final class ExplorerModel implements AutoCloseable {
    private final Drawing drawing = new Drawing();
    private final InferenceWorker worker = new InferenceWorker(this::arrived, this::inferenceFailed);
    // every core for the forward pass of a large network; used by one inference at a time (the inference thread)
    private final Parallel cores = Parallel.create(Runtime.getRuntime().availableProcessors(), "convscope-inference-core");
    private final OcclusionWorker occlusion = new OcclusionWorker(this::occluded, this::inferenceFailed);
    private final ExecutorService io = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("convscope-io").daemon().factory());
    private final AtomicReference<Frame> arrived = new AtomicReference<>();

    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyObjectWrapper<Network> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName");
    private final ReadOnlyObjectWrapper<Normalisation> normalisation =
            new ReadOnlyObjectWrapper<>(this, "normalisation", Normalisation.PER_LAYER);
    private final ReadOnlyBooleanWrapper saliency = new ReadOnlyBooleanWrapper(this, "saliency");
    private final ReadOnlyObjectWrapper<SaliencyMethod> saliencyMethod =
            new ReadOnlyObjectWrapper<>(this, "saliencyMethod", SaliencyMethod.GRADIENT);
    private final ReadOnlyObjectWrapper<SaliencyMap> saliencyMap = new ReadOnlyObjectWrapper<>(this, "saliencyMap");
    private final ReadOnlyObjectWrapper<UnitRef> selectedUnit = new ReadOnlyObjectWrapper<>(this, "selectedUnit");
    private final ReadOnlyBooleanWrapper selectionPinned = new ReadOnlyBooleanWrapper(this, "selectionPinned");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "Drawing");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyIntegerWrapper classFilter = new ReadOnlyIntegerWrapper(this, "classFilter", SampleBrowser.ALL);
    private final ReadOnlyBooleanWrapper onlyMisclassified = new ReadOnlyBooleanWrapper(this, "onlyMisclassified");
    private final ReadOnlyBooleanWrapper photoMode = new ReadOnlyBooleanWrapper(this, "photoMode");
    private final ReadOnlyObjectWrapper<PhotoInput> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final ReadOnlyObjectWrapper<PhotoPreprocess> recipe = new ReadOnlyObjectWrapper<>(this, "recipe");
    private final ReadOnlyIntegerWrapper gradCamLayer = new ReadOnlyIntegerWrapper(this, "gradCamLayer", -1);
    private final Map<String, PhotoPreprocess> recipes = new HashMap<>(); // per model file (else name), chosen by the user
    private final Path choicesFile = AppFiles.user().state().resolve(PreprocessChoices.FILE);
    private PreprocessChoices choices; // the choices of earlier runs, read when a model file is first opened
    private Path modelFile; // the file of the model shown; null for the bundled model and training snapshots

    private Inference inference;
    private boolean cold; // the Vector API kernels are not compiled yet: classify with the scalar ones
    private final Kernels kernels; // once warm: the preferred ones, unless a test gives others
    private Inference inline; // set by the benchmark: classify on the calling thread instead
    private SampleBrowser browser;
    private InkImage labelled; // the test image whose label is known, while it is on the canvas untouched
    private PhotoInput labelledPhoto; // the same for a colour test image, while it is the photo
    private int photoLabel = -1;
    private long photoRequests; // photos asked for, on the FX thread: only the newest is shown
    private int label = -1;
    private long requested;
    private long notices;
    private List<String> classNames = List.of();

    public ExplorerModel(Network initial, String name) {
        this(initial, name, List.of(), null);
    }

    /** An explorer on a model with its class names (empty: the classes are numbered). */
    public ExplorerModel(Network initial, String name, List<String> classNames) {
        this(initial, name, classNames, null);
    }

    /**
     * An explorer that classifies with the scalar kernels until {@code warm} completes (null: at once with the
     * preferred ones). Until the JIT has compiled them, the Vector API kernels take a good part of a second per pass
     * and the scalar ones milliseconds: the first frames come at once, the app starts without a wait.
     */
    public ExplorerModel(Network initial, String name, CompletionStage<?> warm) {
        this(initial, name, List.of(), warm);
    }

    /** An explorer on these kernels (tests: kernels that fail, as a bug or an exhausted heap would). */
    ExplorerModel(Network initial, String name, Kernels kernels) {
        this(initial, name, List.of(), null, kernels);
    }

    private ExplorerModel(Network initial, String name, List<String> classNames, CompletionStage<?> warm) {
        this(initial, name, classNames, warm, KernelSelection.preferred());
    }

    private ExplorerModel(Network initial, String name, List<String> classNames, CompletionStage<?> warm,
                          Kernels kernels) {
        this.kernels = kernels;
        cold = warm != null;
        setNetwork(initial, name, classNames);
        drawing.addListener(this::drawingChanged);
        if (warm != null) warm.whenComplete((done, failed) -> Platform.runLater(this::warmedUp));
    }

    /** The explorer on the pretrained LeNet-5 that ships with ConvScope. */
    public static ExplorerModel withBundledModel() throws FileException {
        return withBundledModel(null);
    }

    /** The same, on the scalar kernels until {@code warm} completes; see the constructor. */
    public static ExplorerModel withBundledModel(CompletionStage<?> warm) throws FileException {
        return new ExplorerModel(ModelFile.loadDefault().network(), "LeNet-5 (bundled)", warm);
    }

    // ---- observable state

    /** The newest classified drawing; null until the first one. */
    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Normalisation> normalisationProperty() {
        return normalisation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty saliencyProperty() {
        return saliency.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SaliencyMethod> saliencyMethodProperty() {
        return saliencyMethod.getReadOnlyProperty();
    }

    /**
     * The overlay to show on the input: null while saliency is off or the input is blank; with gradient × input the
     * newest frame's, with occlusion the newest one finished in the background (it may trail the frame shown).
     */
    public ReadOnlyObjectProperty<SaliencyMap> saliencyMapProperty() {
        return saliencyMap.getReadOnlyProperty();
    }

    /** The unit under the pointer, or the one clicked; null for none. */
    public ReadOnlyObjectProperty<UnitRef> selectedUnitProperty() {
        return selectedUnit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty selectionPinnedProperty() {
        return selectionPinned.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Where the input came from: "Drawing", a file name, or "test #123 · label 7". */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The digit the test-set browser is restricted to, or −1 for all. */
    public ReadOnlyIntegerProperty classFilterProperty() {
        return classFilter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlyMisclassifiedProperty() {
        return onlyMisclassified.getReadOnlyProperty();
    }

    /** True when the model does not take drawn digits: the input is a photo or a tensor. */
    public ReadOnlyBooleanProperty photoModeProperty() {
        return photoMode.getReadOnlyProperty();
    }

    /** The photo or tensor being classified in photo mode; null until one is ready, and for drawings. */
    public ReadOnlyObjectProperty<PhotoInput> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    /** How photos become the model's input: chosen per model, by default its usual recipe. */
    public ReadOnlyObjectProperty<PhotoPreprocess> recipeProperty() {
        return recipe.getReadOnlyProperty();
    }

    /** The layer Grad-CAM explains the top class at: by default {@link GradCam#defaultLayer}; −1 for a model without maps. */
    public ReadOnlyIntegerProperty gradCamLayerProperty() {
        return gradCamLayer.getReadOnlyProperty();
    }

    /** The model's names of its classes; empty when they are numbered. */
    public List<String> classNames() {
        return classNames;
    }

    /** The drawing the canvas edits; every change is classified. */
    public Drawing drawing() {
        return drawing;
    }

    /** True when the frame shown is the result of the newest drawing. */
    public boolean upToDate() {
        Frame f = frame.get();
        return f != null && f.sequence() == requested;
    }

    // ---- commands

    public void undo() {
        drawing.undo();
    }

    public void redo() {
        drawing.redo();
    }

    public void clear() {
        drawing.clear();
        source.set("Drawing");
    }

    public void setNormalisation(Normalisation mode) {
        if (mode == null) throw new IllegalArgumentException("normalisation must not be null");
        normalisation.set(mode);
    }

    /** Turns the saliency overlay on or off; the drawing is classified again. */
    public void setSaliency(boolean on) {
        if (saliency.get() == on) return;
        saliency.set(on);
        if (!on) saliencyMap.set(null);
        submit();
    }

    /** Chooses how saliency is computed (and turns it on); the drawing is classified again. */
    public void setSaliencyMethod(SaliencyMethod method) {
        if (method == null) throw new IllegalArgumentException("saliency method must not be null");
        boolean changed = method != saliencyMethod.get() || !saliency.get();
        saliencyMethod.set(method);
        saliency.set(true);
        if (changed) submit();
    }

    /** Hovering: selects the unit unless one is pinned. */
    public void hover(UnitRef unit) {
        if (!selectionPinned.get()) selectedUnit.set(unit);
    }

    /** Clicking: pins the unit, or unpins it when it is the pinned one. */
    public void pin(UnitRef unit) {
        boolean same = selectionPinned.get() && unit != null && unit.equals(selectedUnit.get());
        selectionPinned.set(!same && unit != null);
        selectedUnit.set(same ? null : unit);
    }

    /**
     * Loads a PNG or JPG in the background and puts it on the canvas (a digit model) or preprocesses it as the
     * model's photo; an .npy tensor of the model's input shape is taken as it is (its first sample). A broken file
     * gives an error notice.
     */
    public void openImage(Path file) {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".npy")) {
            Network net = network.get();
            photoInBackground(net, () -> tensor(file, net));
        } else if (photoMode.get()) {
            Network net = network.get();
            PhotoPreprocess r = recipe.get();
            photoInBackground(net, () -> PhotoInput.of(name, Photo.load(file), r, net.input()));
        } else {
            background(() -> ImageInput.load(file), ink -> {
                drawing.setBase(ink);
                source.set(name);
            });
        }
    }

    /** Preprocesses a decoded photo (pasted, dropped as an image) in the background and classifies it. */
    public void openPhoto(Photo picture, String name) {
        if (!photoMode.get()) {
            inform(Notice.Kind.INFO, modelName.get() + " takes drawn digits: open a photo with a colour model");
            return;
        }
        Network net = network.get();
        PhotoPreprocess r = recipe.get();
        photoInBackground(net, () -> PhotoInput.of(name, picture, r, net.input()));
    }

    /**
     * Chooses how photos become the model's input and preprocesses the photo again. Remembered for this model, and
     * for a model opened from a file across restarts too (saved in the background; a failure is a notice).
     */
    public void setRecipe(PhotoPreprocess r) {
        if (r == null) throw new IllegalArgumentException("the preprocessing must not be null");
        recipes.put(recipeKey(modelName.get(), modelFile), r);
        recipe.set(r);
        if (modelFile != null) {
            PreprocessChoices saved = choices().with(modelFile, r);
            choices = saved;
            background(() -> {
                try {
                    saved.save(choicesFile);
                    return null;
                } catch (FileException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, done -> {});
        }
        PhotoInput current = photo.get();
        if (current == null || current.isTensor()) return;
        Network net = network.get();
        photoInBackground(net, () -> current.redo(r, net.input()));
    }

    /** Chooses the layer Grad-CAM explains at (a layer with maps); turns Grad-CAM on. */
    public void setGradCamLayer(int layer) {
        Network net = network.get();
        if (layer < 0 || layer >= net.layers().size() || net.layers().get(layer).output().isVector()) {
            throw new IllegalArgumentException("layer " + layer + " of " + net.spec().name() + " has no maps for Grad-CAM");
        }
        gradCamLayer.set(layer);
        saliencyMethod.set(SaliencyMethod.GRAD_CAM);
        saliency.set(true);
        submit();
    }

    /**
     * Shows an image on the given network, e.g. a test digit and the model as it is at this moment of training.
     * The network must not change afterwards (pass a copy).
     */
    public void open(Network net, String name, InkImage image, String description) {
        open(net, name, image, description, -1);
    }

    /** The same for an image whose class is known ({@code label}, −1 for none): the prediction marks it. */
    public void open(Network net, String name, InkImage image, String description, int label) {
        setNetwork(net, name);
        labelled(image, label);
        drawing.setBase(image);
        source.set(description);
    }

    /** Loads a model file in the background and switches to it; a broken file gives an error notice. */
    public void openModel(Path file) {
        background(() -> load(file), m -> openModel(m, file, null));
    }

    /**
     * Switches to a model already loaded from {@code file} (see {@link Models#loadForExplorer}), through the
     * preprocessing chosen for that file before (in this run or an earlier one), then opens {@code image} on it as
     * {@link #openImage} does (null: the model's usual first input).
     */
    public void openModel(ModelFile.Model m, Path file, Path image) {
        Network net = m.network();
        String problem = choices == null ? loadChoices() : null;
        String name = file.getFileName().toString();
        setNetwork(net, name, m.hasLabels() ? m.classNames() : List.of(), file);
        inform(Notice.Kind.INFO, "Opened " + name + ": " + net.spec().name() + ", "
                + String.format("%,d", net.spec().parameterCount()) + " parameters");
        if (problem != null) inform(Notice.Kind.ERROR, problem);
        if (image != null) openImage(image);
    }

    /** The bundled MNIST test set as samples, loaded in the background, for a digit model's top images. */
    public void digitTestSet(Consumer<SampleSource> then) {
        background(() -> DatasetSamples.of(DatasetFolder.bundledMnist().test(), 0), then::accept);
    }

    public void nextSample() {
        withBrowser(b -> show(b, b.next()));
    }

    public void previousSample() {
        withBrowser(b -> show(b, b.previous()));
    }

    public void randomSample() {
        withBrowser(b -> show(b, b.random()));
    }

    /** Restricts browsing to one digit (−1: all) and shows the next one. */
    public void setClassFilter(int digit) {
        classFilter.set(digit);
        withBrowser(b -> {
            b.classFilter(digit);
            show(b, b.next());
        });
    }

    /** Restricts browsing to the test digits the current network gets wrong (computed in the background). */
    public void setOnlyMisclassified(boolean only) {
        onlyMisclassified.set(only);
        withBrowser(b -> {
            if (!only) {
                b.onlyMisclassified(null);
                return;
            }
            Network net = network.get();
            background(() -> TestSetPredictions.of(net, b.set()), predictions -> {
                if (net != network.get() || !onlyMisclassified.get()) return;
                b.onlyMisclassified(predictions);
                show(b, b.next());
            });
        });
    }

    @Override
    public void close() {
        worker.close();
        occlusion.close();
        io.shutdownNow();
        cores.close();
    }

    // ---- inside

    private static ModelFile.Model load(Path file) {
        try {
            return Models.loadForExplorer(file);
        } catch (FileException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PhotoInput tensor(Path file, Network net) {
        try {
            return PhotoInput.tensor(file.getFileName().toString(), TensorInput.read(file, net.input()).sample(0));
        } catch (FileException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Prepares a photo on the io thread; on the FX thread it goes on if it is still the newest asked for: a picture
     * asked for earlier (the generated one a model starts on) that finishes later never replaces a newer one.
     */
    private void photoInBackground(Network net, Supplier<PhotoInput> work) {
        long request = ++photoRequests;
        background(work, p -> {
            if (request == photoRequests) showPhoto(net, p);
        });
    }

    /** On the FX thread: the photo prepared for {@code net} goes on, unless the model changed meanwhile. */
    private void showPhoto(Network net, PhotoInput p) {
        if (net != network.get()) return;
        if (!photoMode.get()) {
            inform(Notice.Kind.INFO, modelName.get() + " takes drawn digits: a tensor goes to a model of another input");
            return;
        }
        photo.set(p);
        source.set(p.name());
        submit();
    }

    private void warmedUp() {
        cold = false;
        inference = new Inference(network.get(), kernels, classNames, cores);
    }

    private void setNetwork(Network net, String name) {
        setNetwork(net, name, List.of(), null);
    }

    private void setNetwork(Network net, String name, List<String> names) {
        setNetwork(net, name, names, null);
    }

    private void setNetwork(Network net, String name, List<String> names, Path file) {
        modelFile = file;
        classNames = List.copyOf(names);
        inference = new Inference(net, cold ? ScalarKernels.INSTANCE : kernels, classNames, cores);
        boolean photos = !DigitInput.takesDigits(net.input());
        PhotoInput previous = photo.get();
        photoMode.set(photos);
        photo.set(null);
        recipe.set(photos ? chosenRecipe(net, name, file) : null);
        gradCamLayer.set(GradCam.defaultLayer(net));
        network.set(net);
        modelName.set(name);
        if (photos) {
            PhotoPreprocess r = recipe.get();
            boolean fits = previous != null && (!previous.isTensor() || previous.input().length == net.input().size());
            if (fits && previous.isTensor()) {
                photoRequests++;
                showPhoto(net, previous);
            } else if (!net.input().isVector()) {
                photoInBackground(net, () -> fits ? previous.redo(r, net.input())
                        : PhotoInput.of(GeneratedPhoto.NAME, GeneratedPhoto.make(), r, net.input()));
            }
        } else if (previous != null) {
            source.set("Drawing");
        }
        selectionPinned.set(false);
        selectedUnit.set(null);
        if (onlyMisclassified.get() && browser != null) setOnlyMisclassified(true);
        submit();
    }

    private void drawingChanged() {
        canUndo.set(drawing.canUndo());
        canRedo.set(drawing.canRedo());
        submit();
    }

    /** The recipe chosen for the model in this run, else in an earlier one (by its file), else its usual one. */
    private PhotoPreprocess chosenRecipe(Network net, String name, Path file) {
        PhotoPreprocess now = recipes.get(recipeKey(name, file));
        if (now != null) return now;
        if (file != null) return choices().get(file).orElseGet(() -> defaultRecipe(net));
        return defaultRecipe(net);
    }

    private static String recipeKey(String name, Path file) {
        return file == null ? "name:" + name : "file:" + file.toAbsolutePath().normalize();
    }

    private PreprocessChoices choices() {
        if (choices == null) loadChoices();
        return choices;
    }

    /** Reads the choices of earlier runs; the problem with their file in one line, or null. */
    private String loadChoices() {
        PreprocessChoices.Loaded loaded = PreprocessChoices.load(choicesFile);
        choices = loaded.choices();
        return loaded.problem();
    }

    private static PhotoPreprocess defaultRecipe(Network net) {
        return net.input().channels() == 3 ? PhotoPreprocess.imagenet(net.input()) : PhotoPreprocess.unit();
    }

    private void submit() {
        boolean gradient = saliency.get() && saliencyMethod.get() == SaliencyMethod.GRADIENT;
        if (photoMode.get()) {
            if (photo.get() == null) return; // it comes from the io thread
            int truth = photo.get() == labelledPhoto ? photoLabel : -1;
            Inference.Request request = Inference.Request.of(++requested, photo.get(), gradient, truth, System.nanoTime());
            if (inline != null) publish(inline.run(request));
            else worker.submit(inference, request);
            return;
        }
        InkImage ink = drawing.ink(); // the base picture itself while nothing is drawn over it
        Inference.Request request = new Inference.Request(++requested, ink, gradient, ink == labelled ? label : -1,
                System.nanoTime(), null);
        if (inline != null) publish(inline.run(request));
        else worker.submit(inference, request);
    }

    /** On the inference thread: keeps the newest frame; queues one hand-over unless one is already queued. */
    private void arrived(Frame f) {
        if (arrived.getAndSet(f) == null) Platform.runLater(() -> {
            Frame newest = arrived.getAndSet(null);
            if (newest != null && (frame.get() == null || newest.sequence() > frame.get().sequence())) publish(newest);
        });
    }

    /** On the FX thread: shows a frame, and its saliency (gradient) or starts computing it (occlusion). */
    private void publish(Frame f) {
        if (!saliency.get() || f.blank()) saliencyMap.set(null);
        else if (f.saliency() != null) {
            saliencyMap.set(new SaliencyMap(f.sequence(), SaliencyMethod.GRADIENT, f.snapshot().topClass(), f.saliency()));
        }
        else if (saliencyMethod.get() != SaliencyMethod.GRADIENT && f.snapshot().spec() == inference.network().spec()) {
            occlusion.submit(new OcclusionWorker.Job(f.sequence(), inference.network(), f.snapshot().input(), f.topClass(),
                    saliencyMethod.get(), gradCamLayer.get()));
        }
        frame.set(f);
    }

    /** On the occlusion thread: hands the map over, unless the overlay was turned off or changed meanwhile. */
    private void occluded(SaliencyMap map) {
        Platform.runLater(() -> {
            SaliencyMap shown = saliencyMap.get();
            boolean wanted = saliency.get() && saliencyMethod.get() == map.method()
                    && frame.get() != null && !frame.get().blank();
            if (wanted && (shown == null || shown.method() != map.method() || map.sequence() > shown.sequence()
                    || map.layer() != shown.layer())) {
                saliencyMap.set(map);
            }
        });
    }

    private void inferenceFailed(Throwable e) {
        String reason = Failures.report(e);
        Platform.runLater(() -> inform(Notice.Kind.ERROR, "Classification failed: " + reason));
    }

    private void withBrowser(Consumer<SampleBrowser> action) {
        if (browser != null) {
            action.accept(browser);
            return;
        }
        background(() -> DatasetFolder.bundledMnist().test(), set -> {
            if (browser == null) browser = new SampleBrowser(set, System.nanoTime());
            action.accept(browser);
        });
    }

    private void show(SampleBrowser b, int index) {
        if (index < 0) {
            inform(Notice.Kind.INFO, "No test digit matches the filter");
            return;
        }
        Dataset set = b.set();
        InkImage digit = set.inkImage(index);
        labelled(digit, set.label(index));
        drawing.setBase(digit);
        source.set("test #" + index + " · label " + set.label(index));
    }

    /** Remembers the label of an image about to go on the canvas (−1: none known). */
    private void labelled(InkImage image, int label) {
        this.labelled = label < 0 ? null : image;
        this.label = label;
    }

    /**
     * Runs work on the io thread, then done on the FX thread; a failure of any kind (out of memory included) becomes
     * an error notice in one line, and the io thread goes on.
     */
    private <T> void background(Supplier<T> work, Consumer<T> done) {
        io.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> done.accept(result));
            } catch (Throwable e) {
                Throwable cause = e instanceof java.io.UncheckedIOException u && u.getCause() instanceof FileException f ? f : e;
                String reason = cause instanceof FileException ? cause.getMessage() : Failures.report(cause);
                Platform.runLater(() -> inform(Notice.Kind.ERROR, reason));
            }
        });
    }

    void inform(Notice.Kind kind, String text) {
        notice.set(new Notice(++notices, kind, text));
    }

    /** For the benchmark: shows a photo preprocessed on the calling thread at once (with {@link #classifyInline}). */
    void showInline(PhotoInput p) {
        photoRequests++;
        showPhoto(network.get(), p);
    }

    /** For the benchmark: classify on the calling thread, so one update is one measurable call. */
    void classifyInline(boolean on) {
        inline = on ? new Inference(network.get(), kernels, classNames, cores) : null;
    }

    /**
     * Shows a tensor already preprocessed for {@code net} (a colour test image of the training studio, with the model
     * as it is at this moment of training) as the input, taken as it is, as an .npy file is; {@code description}
     * names it. For a model of drawn digits use {@link #open(Network, String, InkImage, String, int)}. The network
     * and the array must not change afterwards (pass copies).
     *
     * @param input [channels][height][width], {@code net.input().size()} values
     */
    public void openTensor(Network net, String name, float[] input, String description) {
        openTensor(net, name, input, description, -1);
    }

    /** The same for a test image whose true class is {@code label} (−1: unknown), marked in the bars. */
    public void openTensor(Network net, String name, float[] input, String description, int label) {
        if (DigitInput.takesDigits(net.input()) || input.length != net.input().size()) {
            throw new IllegalArgumentException(description + ": " + input.length + " values for " + name + ", expected a"
                    + " tensor of its " + Notation.size(net.input()) + " input (" + net.input().size() + " values) on a"
                    + " model that does not take drawn digits");
        }
        // As the current photo, setNetwork keeps it (a tensor that fits the new input) instead of making a picture.
        PhotoInput tensor = PhotoInput.tensor(description, input);
        labelledPhoto = label < 0 ? null : tensor;
        photoLabel = label;
        photo.set(tensor);
        setNetwork(net, name);
    }
}
