package org.convscope.ui.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.train.Freezing;
import org.convscope.engine.train.SampleSource;
import org.convscope.training.Autosave;
import org.convscope.training.CurveSnapshot;
import org.convscope.training.EpochPoint;
import org.convscope.training.SessionData;
import org.convscope.training.StudioData;
import org.convscope.training.TimelineFrame;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.training.phases.PhasesWindow;
import org.convscope.ui.training.setup.NewSessionDialog;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The training studio: controls, settings and the epoch's progress on top; below, three columns that share the window
 * at any size from 1280×720 up — the filters and their timeline; the probe image's feature maps and the network's
 * health; the loss and accuracy curves with their latest numbers and the test set's confusion matrix. Each column
 * scrolls within itself, so nothing runs off the screen. Keys: Space plays or pauses, → steps a batch, F1 lists the
 * shortcuts. It follows the app's theme (light under an ancestor with the style class "light"). It only observes its
 * {@link TrainingViewModel}; a test image opens in the explorer through the {@link ExplorerLink}.
 */
public final class TrainingView extends StackPane {
    private static final double LAYER_HEIGHT = 240;

    private final TrainingViewModel model;
    private final ExplorerLink explorer;
    private final SessionOpener opener;
    private final ControlBar controls;
    private final SettingsPane settings;
    private final ProgressPane progress = new ProgressPane();
    private final Label title = new Label();
    private final FiltersPane filters = new FiltersPane(LAYER_HEIGHT);
    private final TimelinePane timeline = new TimelinePane(LAYER_HEIGHT);
    private final FeatureMapsPane featureMaps = new FeatureMapsPane(LAYER_HEIGHT);
    private final HealthPane health = new HealthPane();
    private final CurveChart lossChart = new CurveChart("loss", Double.NaN, "%.4f");
    private final CurveChart accuracyChart = new CurveChart("accuracy", 1.0, "%.2f%%");
    private final Label numbers = new Label();
    private final CheckBox logScale = new CheckBox("log scale");
    private final Button exportCurves = new Button("CSV", new FontIcon("mdi2f-file-delimited-outline"));
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final Label confusionTitle = new Label();
    private final CellSamplesPane cellSamples = new CellSamplesPane();
    private final Label message = new Label();
    private final ShortcutsOverlay shortcuts = new ShortcutsOverlay();
    private final StackPane veil = new StackPane();
    private final SessionBar sessions;
    private final StudioDialogs dialogs;
    private final RecoveryBanner recovery;
    private final SplittableRandom dice = new SplittableRandom();
    private int probeIndex;
    private NetworkSpec frozenSpec;
    private int frozenLast;
    private Set<String> frozenNames = Set.of();

    public TrainingView(TrainingViewModel model, ExplorerLink explorer) {
        this(model, explorer, SessionOpener.NONE);
    }

    /** @param opener replaces this view's session with a new one (new network, data set or loaded file) */
    public TrainingView(TrainingViewModel model, ExplorerLink explorer, SessionOpener opener) {
        this(model, explorer, opener, null, SessionData.DEFAULT);
    }

    /**
     * @param dialogs file choosers and the save-before-quit question; null for real dialogs
     * @param data    starts the session a saved file names on its data set
     */
    public TrainingView(TrainingViewModel model, ExplorerLink explorer, SessionOpener opener, StudioDialogs dialogs,
                        SessionData data) {
        this.model = model;
        this.explorer = explorer == null ? ExplorerLink.NONE : explorer;
        this.opener = opener == null ? SessionOpener.NONE : opener;
        this.controls = new ControlBar(model);
        this.settings = new SettingsPane(model);
        this.dialogs = dialogs == null ? new FxStudioDialogs(this) : dialogs;
        this.sessions = new SessionBar(model, this.opener, this.dialogs, data);
        this.recovery = new RecoveryBanner(sessions);
        getStyleClass().add("training-view");
        getStylesheets().add(TrainingView.class.getResource("/css/training.css").toExternalForm());
        layoutNodes();
        wire();
    }

    private void layoutNodes() {
        message.setId("training-message");
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        title.setId("session-title");
        title.getStyleClass().add("session-title");
        FlowPane controlRow = new FlowPane(12, 6, controls, sessions);
        HBox progressRow = new HBox(10, title, progress);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(progress, Priority.ALWAYS);
        VBox top = new VBox(recovery, controlRow, settings, progressRow, message);
        top.getStyleClass().add("top");

        GridPane columns = new GridPane();
        columns.getStyleClass().add("columns");
        for (double percent : new double[] {29, 31, 40}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(percent);
            c.setMinWidth(0);
            c.setFillWidth(true);
            columns.getColumnConstraints().add(c);
        }
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        columns.getRowConstraints().add(row);
        columns.addRow(0, filterColumn(), mapsColumn(), chartColumn());

        BorderPane content = new BorderPane(columns);
        content.setTop(top);
        veil.getStyleClass().add("blocked-veil");
        veil.setVisible(false);
        getChildren().addAll(content, veil, shortcuts);
        StackPane.setAlignment(shortcuts, Pos.CENTER);
    }

    private Node filterColumn() {
        VBox body = new VBox(8, filters, timeline);
        body.setMinWidth(0);
        return new WeightedColumn(4).fixed(heading("filters")).weighted(scroll(body), 1);
    }

    private Node mapsColumn() {
        ScrollPane healthScroll = scroll(health);
        // The health table keeps its height (up to its share of the column); the maps take the rest.
        healthScroll.prefViewportHeightProperty().bind(health.heightProperty());
        healthScroll.setMinHeight(90);
        healthScroll.setMaxHeight(Region.USE_PREF_SIZE);
        ScrollPane maps = scroll(featureMaps);
        maps.setMinHeight(120);
        return new WeightedColumn(4).fixed(heading("probe feature maps")).weighted(maps, 0.55)
                .fixed(heading("health")).weighted(healthScroll, 0.45);
    }

    private Node chartColumn() {
        numbers.setId("curve-numbers");
        numbers.getStyleClass().add("value");
        logScale.setId("log-scale");
        logScale.setTooltip(new Tooltip("Show the loss on a logarithmic scale: its late, small changes become visible"));
        exportCurves.setId("export-curves");
        exportCurves.getStyleClass().add("small");
        exportCurves.setTooltip(new Tooltip("Save the curves as CSV: every point's loss and accuracy, and each epoch's"
                + " train and test figures"));
        FlowPane curveBar = new FlowPane(10, 3, numbers, new HBox(8, logScale, exportCurves));
        curveBar.setAlignment(Pos.CENTER_LEFT);
        confusionTitle.getStyleClass().add("heading");
        confusionTitle.setId("confusion-title");
        confusionTitle.setMinWidth(0);
        confusionTitle.setWrapText(true);
        lossChart.setMaxHeight(300);
        accuracyChart.setMaxHeight(260);
        cellSamples.setMinHeight(0);
        ScrollPane samples = scroll(cellSamples);
        samples.setMinHeight(40);
        samples.setMaxHeight(170);
        return new WeightedColumn(4).fixed(curveBar).weighted(lossChart, 0.23).weighted(accuracyChart, 0.19)
                .fixed(confusionTitle).weighted(confusion, 0.42).weighted(samples, 0.16);
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("heading");
        return heading;
    }

    private static ScrollPane scroll(Region content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.setMinHeight(0);
        return s;
    }

    private void wire() {
        model.frameProperty().addListener((obs, old, now) -> show(now));
        model.errorProperty().addListener((obs, old, now) -> showMessage(model.frame()));
        confusion.setOnCell(this::showConfusionCell);
        cellSamples.setOnImage(this::useAsProbe);
        cellSamples.setOnOpen(this::openInExplorer);
        featureMaps.setOnStep(this::stepProbe);
        timeline.exportGif.setOnAction(e -> sessions.exportTimeline(StudioDialogs.FileKind.TIMELINE_GIF, timeline.frames()));
        timeline.exportSheet.setOnAction(e -> sessions.exportTimeline(StudioDialogs.FileKind.TIMELINE_SHEET,
                timeline.frames()));
        logScale.selectedProperty().addListener((o, was, on) -> lossChart.setLog(on));
        exportCurves.setOnAction(e -> sessions.exportCurves(model.frame().curves()));
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        setOnMousePressed(e -> {
            if (getScene() != null && !isInside(getScene().getFocusOwner())) requestFocus();
        });
        setFocusTraversable(true);
        controls.newSession.setOnAction(e -> openNewSession());
        controls.reset.setOnAction(e -> reset());
        controls.phases.setOnAction(e -> openPhases(false));
        featureMaps.phases.setOnAction(e -> openPhases(true));
        controls.setOnAnyAction(sessions::clearProblem);
        shortcuts.setOnMouseClicked(e -> shortcuts.hide());
        show(model.frame());
    }

    private boolean isInside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (n == this) return true;
        return false;
    }

    /**
     * The studio's keys: Space plays or pauses and → steps a batch (unless a text field or slider has the keys),
     * F1 shows the shortcuts and Esc hides them, and the session's Save, Open and Export.
     */
    private void key(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl || focus instanceof Slider;
        if (KeyCombination.valueOf(SessionBar.SAVE_KEYS).match(e)) sessions.chooseSave();
        else if (KeyCombination.valueOf(SessionBar.OPEN_KEYS).match(e)) sessions.chooseOpen();
        else if (KeyCombination.valueOf(SessionBar.EXPORT_KEYS).match(e)) sessions.chooseExport();
        else if (e.getCode() == KeyCode.F1) shortcuts.toggle();
        else if (e.getCode() == KeyCode.ESCAPE && shortcuts.isVisible()) shortcuts.hide();
        else if (e.getCode() == KeyCode.SPACE && !typing && !e.isShortcutDown()) controls.playOrPause();
        else if (e.getCode() == KeyCode.RIGHT && !typing && !e.isShortcutDown()) controls.stepBatchUnlessRunning();
        else return;
        e.consume();
    }

    /** Whether the app may quit now; offers to save a running or unsaved session first (FX thread). */
    public boolean confirmQuit() {
        return sessions.confirmQuit();
    }

    /** Offers to restore the autosave of a run that did not close cleanly. */
    public void offerRecovery(Autosave.Recovery autosave) {
        recovery.offer(autosave);
    }

    /** The data the studio trains on, in a word or two ("MNIST", a folder's name): for the tab's title. */
    public String dataTitle() {
        return StudioData.titleOf(model.dataset());
    }

    /** Shows the test images of class {@code trueClass} that the last evaluation predicted as {@code predicted}. */
    public void showConfusionCell(int trueClass, int predicted) {
        model.testSamples(trueClass, predicted, indices -> cellSamples.show(trueClass, predicted, indices,
                model.testSource()));
    }

    /** Starts over with the seed, after asking to save a session with unsaved steps. */
    private void reset() {
        if (sessions.confirmClose("resetting")) model.reset(controls.seed());
    }

    /** The "New session" window: a preset, the architecture editor and the data; the session starts through the opener. */
    private void openNewSession() {
        TrainingFrame f = model.frame();
        NewSessionDialog.show(getScene() == null ? null : getScene().getWindow(), f == null ? null : f.probe().spec(),
                model.start(), model.dataset(), f == null ? TrainingSettings.defaults() : f.settings(), askingToSaveFirst(),
                dialogs, StudioTheme.isLight(this));
    }

    /**
     * Step in 4 phases, on the next training image or on the probe; the studio is dimmed and takes no input while
     * the window is open.
     */
    private void openPhases(boolean onProbe) {
        if (getScene() == null) return;
        TrainingFrame f = model.frame();
        PhasesWindow.Sample sample = onProbe && f != null
                ? new PhasesWindow.Sample(f.probe().input(), f.probeLabel(), probeIndex >= 0
                        ? String.format(Locale.ROOT, "test image #%,d (the probe)", probeIndex) : "the probe image")
                : null;
        PhasesWindow.open(getScene().getWindow(), model, sample, StudioTheme.isLight(this), this::block);
    }

    /** Dims the studio and blocks its input while a window over it is open ({@code on}), or lifts that. */
    private void block(boolean on) {
        veil.setVisible(on);
        if (on) {
            Label note = new Label("Step in 4 phases is open");
            note.getStyleClass().add("veil-note");
            veil.getChildren().setAll(note);
        }
    }

    /** Whether the studio is dimmed behind another window. */
    boolean blocked() {
        return veil.isVisible();
    }

    /** The opener, once the current session may close (offering to save it first when it has unsaved steps). */
    private SessionOpener askingToSaveFirst() {
        return (what, make, unsaved, onFailure) -> {
            if (sessions.confirmClose("starting " + what)) opener.open(what, make, unsaved, onFailure);
            else onFailure.accept("the current session stays open");
        };
    }

    /** ‹ (−1) and › (+1) step through the test images as the probe; 0 picks one at random. */
    private void stepProbe(int delta) {
        int n = model.testSource().size();
        int next = delta == 0 ? dice.nextInt(n) : Math.floorMod(Math.max(probeIndex, 0) + delta, n);
        useAsProbe(next);
    }

    private void useAsProbe(int testIndex) {
        probeIndex = testIndex;
        model.probeTestSample(testIndex);
        cellSamples.markProbe(testIndex);
    }

    private void openInExplorer(int index) {
        SampleSource test = model.testSource();
        float[] image = new float[test.dims().size()];
        test.fill(new int[] {index}, 0, 1, image);
        model.networkCopy(network -> explorer.open(network, image, test.label(index)));
    }

    private void show(TrainingFrame f) {
        if (f == null) return;
        controls.show(f);
        settings.show(f);
        progress.show(f);
        title.setText(title(f));
        List<TimelineFrame> frames = f.timeline();
        Set<String> frozen = frozenLayers(f);
        filters.show(f.filters(), frames.isEmpty() ? null : frames.get(0).filters(), frozen);
        timeline.show(frames, frozen);
        featureMaps.show(f.probe(), f.probeLabel(), probeIndex);
        health.show(f.health());
        showCurves(f.curves());
        numbers.setText(numbers(f));
        confusion.show(f.test());
        confusionTitle.setText(f.test() == null ? "confusion matrix (test set)" : String.format(Locale.ROOT,
                "confusion matrix · test set of %,d · accuracy %.2f%% at step %,d", f.test().total(),
                100 * f.test().accuracy(), f.testStep()));
        if (f.test() == null) cellSamples.clear();
        showMessage(f);
    }

    /** The names of the layers that do not train (all but the last {@code trainLast} with weights), from the frame. */
    private Set<String> frozenLayers(TrainingFrame f) {
        NetworkSpec spec = f.probe().spec();
        int last = f.settings().trainLast();
        if (spec != frozenSpec || last != frozenLast) {
            boolean[] frozen = Freezing.frozenLayers(spec, last);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < frozen.length; i++) if (frozen[i]) names.add(spec.layers().get(i).name());
            frozenNames = Set.copyOf(names);
            frozenSpec = spec;
            frozenLast = last;
        }
        return frozenNames;
    }

    /** "lenet5 on MNIST · 61,706 parameters · the last 2 layers train". */
    private String title(TrainingFrame f) {
        NetworkSpec spec = f.probe().spec();
        int last = f.settings().trainLast();
        return String.format(Locale.ROOT, "%s on %s · %,d parameters%s", spec.name(), dataTitle(), spec.parameterCount(),
                last == 0 ? "" : " · only the last " + last + (last == 1 ? " layer trains" : " layers train"));
    }

    /** The latest figures: the smoothed training loss and accuracy, and the last test. */
    static String numbers(TrainingFrame f) {
        CurveSnapshot c = f.curves();
        StringBuilder s = new StringBuilder();
        if (c.size() > 0) {
            int last = c.size() - 1;
            s.append(String.format(Locale.ROOT, "train: loss %.4f · accuracy %.1f%%", c.smoothedLoss()[last],
                    100 * c.smoothedAccuracy()[last]));
        } else {
            s.append("train: –");
        }
        if (f.test() != null) {
            s.append(String.format(Locale.ROOT, "   test: loss %.4f · accuracy %.2f%%", f.test().loss(),
                    100 * f.test().accuracy()));
        }
        return s.toString();
    }

    private void showMessage(TrainingFrame f) {
        String error = model.errorProperty().get();
        String text = f != null && !f.message().isEmpty() ? f.message() : error;
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }

    private void showCurves(CurveSnapshot c) {
        double[] x = new double[c.size()];
        for (int i = 0; i < x.length; i++) x[i] = c.steps()[i];
        List<EpochPoint> epochs = c.epochs();
        double[] ex = new double[epochs.size()];
        double[] trainLoss = new double[ex.length];
        double[] testLoss = new double[ex.length];
        double[] trainAcc = new double[ex.length];
        double[] testAcc = new double[ex.length];
        for (int i = 0; i < ex.length; i++) {
            EpochPoint e = epochs.get(i);
            ex[i] = e.step();
            trainLoss[i] = e.trainLoss();
            testLoss[i] = e.testLoss();
            trainAcc[i] = e.trainAccuracy();
            testAcc[i] = e.testAccuracy();
        }
        List<CurveChart.Series> loss = new ArrayList<>(List.of(
                new CurveChart.Series("per batch", StudioPalette.Ink.RAW, x, toDouble(c.batchLoss()), false),
                new CurveChart.Series("smoothed", StudioPalette.Ink.SMOOTH, x, toDouble(c.smoothedLoss()), false),
                new CurveChart.Series("epoch train", StudioPalette.Ink.TRAIN, ex, trainLoss, true),
                new CurveChart.Series("epoch test", StudioPalette.Ink.TEST, ex, testLoss, true)));
        lossChart.show(loss);
        accuracyChart.show(List.of(
                new CurveChart.Series("train (smoothed)", StudioPalette.Ink.SMOOTH, x, toDouble(c.smoothedAccuracy()), false),
                new CurveChart.Series("epoch train", StudioPalette.Ink.TRAIN, ex, trainAcc, true),
                new CurveChart.Series("epoch test", StudioPalette.Ink.TEST, ex, testAcc, true)));
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return out;
    }
}
