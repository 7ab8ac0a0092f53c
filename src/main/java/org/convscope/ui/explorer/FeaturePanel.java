package org.convscope.ui.explorer;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.convscope.data.Photo;
import org.convscope.data.PhotoPreprocess;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.FeatureVisualization;
import org.convscope.engine.explain.FeatureVisualization.Target;
import org.convscope.engine.explain.ReceptiveField;
import org.convscope.engine.explain.TopActivations;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.train.SampleSource;
import org.convscope.io.Failures;
import org.convscope.lecture.Notation;
import org.convscope.ui.explorer.network.PixelView;
import org.convscope.ui.view.ColorMap;

/**
 * What the inspected channel (or class) looks for, under the inspector: "Looks for" runs feature visualisation
 * (gradient ascent from faint noise with jitter and blur) on the "convscope-features" thread, the picture updating as
 * it goes, cancellable; "Top 9" scans a data set (the bundled MNIST test set for a digit model, a folder of photos or
 * of CIFAR-10 batches the user picks for any other) for the nine images whose strongest unit of the channel is the
 * largest, and shows the patch each unit sees.
 */
public final class FeaturePanel extends VBox {
    public static final String LOOKS_FOR_ID = "feature-looks-for";
    public static final String TOP_ID = "feature-top";
    public static final String CANCEL_ID = "feature-cancel";
    public static final String STATUS_ID = "feature-status";
    public static final String PICTURE_ID = "feature-picture";
    public static final String TILES_ID = "feature-tiles";
    static final int STEPS = 160;
    static final int TOP = 9;
    private static final double SIDE = 150;
    private static final double TILE = 64;

    private final ExplorerModel model;
    private final Consumer<Consumer<SampleSource>> dataSet; // asks for the data set of the model (maybe a folder chooser)
    private final Button looksFor = new Button("Looks for");
    private final Button top = new Button("Top 9");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Pick a unit: what its channel looks for, and the images that excite it most.");
    private final PixelView picture = new PixelView(SIDE, SIDE, false);
    private final TilePane tiles = new TilePane(4, 4);
    private Task<?> running;
    private float[] shownImage; // [C][H][W] the visualisation shown

    public FeaturePanel(ExplorerModel model, Consumer<Consumer<SampleSource>> dataSet) {
        this.model = model;
        this.dataSet = dataSet;
        getStyleClass().add("feature-panel");
        looksFor.setId(LOOKS_FOR_ID);
        looksFor.setTooltip(new Tooltip("Feature visualisation: an input made by gradient ascent from faint noise on the"
                + " channel's mean activation (a class's score for an output unit), jittered and blurred so it stays"
                + " readable; " + STEPS + " steps in the background"));
        top.setId(TOP_ID);
        top.setTooltip(new Tooltip("The " + TOP + " images of a data set that excite the channel most, each cut to the"
                + " input patch its strongest unit sees"));
        cancel.setId(CANCEL_ID);
        cancel.setDisable(true);
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.setMinHeight(USE_PREF_SIZE);
        status.getStyleClass().add("hint");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        picture.setId(PICTURE_ID);
        picture.setVisible(false);
        picture.setManaged(false);
        tiles.setId(TILES_ID);
        tiles.setPrefColumns(3);
        HBox buttons = new HBox(6, looksFor, top, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("What it looks for");
        title.getStyleClass().add("saliency-title");
        setSpacing(4);
        getChildren().addAll(title, buttons, progress, status, picture, tiles);
        looksFor.setOnAction(e -> visualise());
        top.setOnAction(e -> dataSet.accept(this::topImages));
        cancel.setOnAction(e -> cancel());
        model.networkProperty().addListener((o, old, n) -> cancel());
    }

    /** The target of the inspected unit: its channel, or its class in the output layer; null for none. */
    static Target target(Network net, UnitRef u) {
        if (u == null || u.layer() < 0) return null;
        int last = net.layers().size() - 1;
        Target scores = Target.classScore(net, 0);
        if (u.layer() == last || u.layer() == scores.layer()) return Target.classScore(net, u.channel());
        return net.layers().get(u.layer()).output().isVector() ? null : Target.channel(u.layer(), u.channel());
    }

    void visualise() {
        Network net = model.networkProperty().get();
        UnitRef unit = model.selectedUnitProperty().get();
        Target target = target(net, unit);
        if (target == null) {
            status.setText("Hover or pin a unit of a layer with maps, or a class, first.");
            return;
        }
        PhotoPreprocess r = model.recipeProperty().get();
        Dims in = net.input();
        FeatureVisualization.Settings settings = r == null || in.channels() != 3
                ? FeatureVisualization.Settings.forNormalised(in, new float[0], new float[0], STEPS)
                : FeatureVisualization.Settings.forNormalised(in, r.mean(), r.std(), STEPS);
        String what = describe(net, target);
        Task<float[]> task = new Task<>() {
            @Override
            protected float[] call() {
                Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
                return FeatureVisualization.run(ws, target, settings, (step, objective, image) -> {
                    updateProgress(step, settings.steps());
                    updateMessage(String.format(Locale.ROOT, "%s: step %d of %d, objective %.3g", what, step,
                            settings.steps(), objective));
                    updateValue(image.clone());
                }, this::isCancelled);
            }
        };
        task.valueProperty().addListener((o, old, image) -> {
            if (image != null) paint(image, net.input(), settings);
        });
        start(task, "Looking for what " + what + " looks for…", () -> status.setText(what + ": " + STEPS
                + " steps of gradient ascent, jitter and blur"));
    }

    /** Ranks the data set's images by the inspected channel, in the background. */
    void topImages(SampleSource data) {
        Network net = model.networkProperty().get();
        UnitRef unit = model.selectedUnitProperty().get();
        Target target = target(net, unit);
        if (target == null || target.classScore()) {
            status.setText("Pick a unit of a layer with maps first: its channel is what the images are ranked by.");
            return;
        }
        if (data.dims().size() != net.input().size()) {
            status.setText("The data set's " + Notation.size(data.dims()) + " images do not fit "
                    + Notation.size(net.input()) + " inputs.");
            return;
        }
        String what = describe(net, target);
        Task<List<Shown>> task = new Task<>() {
            @Override
            protected List<Shown> call() {
                Workspace ws = new Workspace(net, KernelSelection.preferred(), 32);
                List<TopActivations.Hit> hits = TopActivations.find(ws, data, target.layer(), target.index(), TOP,
                        done -> {
                            updateProgress(done, data.size());
                            updateMessage(what + ": " + done + " of " + data.size() + " images");
                        }, this::isCancelled);
                float[] x = new float[net.input().size()];
                return hits.stream().map(h -> {
                    data.fill(new int[] {h.sample()}, 0, 1, x);
                    return new Shown(h, x.clone());
                }).toList();
            }
        };
        task.valueProperty().addListener((o, old, shown) -> {
            if (shown != null) tiles(shown, net.input());
        });
        start(task, "Scanning " + data.size() + " images for " + what + "…", () -> status.setText("The " + TOP
                + " images that excite " + what + " most, cut to what its strongest unit sees"));
    }

    private record Shown(TopActivations.Hit hit, float[] input) {}

    private void start(Task<?> task, String starting, Runnable done) {
        cancel();
        running = task;
        status.setText(starting);
        progress.setVisible(true);
        progress.progressProperty().bind(task.progressProperty());
        cancel.setDisable(false);
        // a message posted before a cancel may arrive after it: only the running task's messages are shown
        task.messageProperty().addListener((o, old, m) -> {
            if (task == running) status.setText(m);
        });
        task.setOnSucceeded(e -> finish(task, done));
        task.setOnCancelled(e -> finish(task, () -> status.setText("Cancelled.")));
        task.setOnFailed(e -> finish(task, () -> status.setText("Failed: " + Failures.report(task.getException()))));
        Thread thread = Thread.ofPlatform().name("convscope-features").daemon().unstarted(task);
        thread.start();
    }

    private void finish(Task<?> task, Runnable then) {
        if (task != running) return;
        running = null;
        progress.progressProperty().unbind();
        progress.setVisible(false);
        cancel.setDisable(true);
        then.run();
    }

    /** Stops what is running; its picture stays. */
    public void cancel() {
        if (running != null) running.cancel();
    }

    /** Whether a visualisation or scan is running. */
    public boolean busy() {
        return running != null;
    }

    /** The visualisation shown, [C][H][W] in the network's input values; null before the first. */
    float[] shownImage() {
        return shownImage;
    }

    private static String describe(Network net, Target t) {
        String layer = net.spec().layers().get(t.layer()).name();
        return t.classScore() ? "class " + t.index() + " (" + layer + ")" : layer + " channel " + (t.index() + 1);
    }

    /** The image in the input's own colours: its range [low, high] per channel back to 0…1. */
    private void paint(float[] image, Dims in, FeatureVisualization.Settings s) {
        shownImage = image;
        picture.setVisible(true);
        picture.setManaged(true);
        int plane = in.height() * in.width();
        float[] unit = new float[3 * plane];
        for (int k = 0; k < 3; k++) {
            int c = Math.min(k, in.channels() - 1);
            float range = s.high()[c] - s.low()[c];
            for (int i = 0; i < plane; i++) unit[k * plane + i] = (image[c * plane + i] - s.low()[c]) / range;
        }
        picture.show(PhotoPanel.rgb(new Photo(in.width(), in.height(), unit)), in.width(), in.height());
    }

    private void tiles(List<Shown> shown, Dims in) {
        tiles.getChildren().clear();
        PhotoPreprocess r = model.recipeProperty().get();
        for (Shown s : shown) {
            ReceptiveField.Region g = s.hit().region();
            // A unit of a padding layer's border reads no pixel: its whole image instead.
            if (g.height() <= 0 || g.width() <= 0) g = new ReceptiveField.Region(0, 0, in.height(), in.width());
            int top = Math.max(0, g.top());
            int left = Math.max(0, g.left());
            int h = Math.min(in.height(), g.bottom()) - top;
            int w = Math.min(in.width(), g.right()) - left;
            PixelView tile = new PixelView(TILE, TILE, false);
            float[] patch = new float[h * w];
            if (in.channels() == 3 && r != null) {
                float[] rgb = new float[3 * h * w];
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                        rgb[(c * h + y) * w + x] = s.input()[(c * in.height() + top + y) * in.width() + left + x]
                                * r.std()[c] + r.mean()[c];
                    }
                }
                tile.show(PhotoPanel.rgb(new Photo(w, h, rgb)), w, h);
            } else {
                for (int y = 0; y < h; y++) System.arraycopy(s.input(), (top + y) * in.width() + left, patch, y * w, w);
                tile.paint(patch, 0, w, h, ColorMap.INK, 0, 1);
            }
            Label value = new Label(Notation.minus(String.format(Locale.ROOT, "#%d · %.2f", s.hit().sample(), s.hit().value())));
            value.getStyleClass().add("step-size");
            VBox cell = new VBox(1, tile, value);
            cell.getStyleClass().add("feature-tile");
            tiles.getChildren().add(cell);
        }
    }
}
