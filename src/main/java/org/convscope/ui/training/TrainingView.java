package org.convscope.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.convscope.engine.train.SampleSource;
import org.convscope.training.Autosave;
import org.convscope.training.CurveSnapshot;
import org.convscope.training.EpochPoint;
import org.convscope.training.SessionData;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.training.setup.NewSessionDialog;

/**
 * The training studio: controls and settings on top, the epoch's progress, then the filters and their timeline, the
 * probe's feature maps, and the loss and accuracy curves with the test set's confusion matrix. It only observes its
 * {@link TrainingViewModel}; clicking a test image opens it in the explorer through the {@link ExplorerLink}.
 */
public final class TrainingView extends BorderPane {
    private static final Color RAW = Color.web("#6e7681");
    private static final Color SMOOTH = Color.web("#58a6ff");
    private static final Color EPOCH_TRAIN = Color.web("#f0883e");
    private static final Color EPOCH_TEST = Color.web("#3fb950");

    private final TrainingViewModel model;
    private final ExplorerLink explorer;
    private final SessionOpener opener;
    private final ControlBar controls;
    private final SettingsPane settings;
    private final ProgressPane progress = new ProgressPane();
    private final FiltersPane filters = new FiltersPane();
    private final TimelinePane timeline = new TimelinePane();
    private final FeatureMapsPane featureMaps = new FeatureMapsPane();
    private final HealthPane health = new HealthPane();
    private final CurveChart lossChart = new CurveChart("loss", Double.NaN);
    private final CurveChart accuracyChart = new CurveChart("accuracy", 1.0);
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final Label confusionTitle = new Label("confusion matrix (test set)");
    private final CellSamplesPane cellSamples = new CellSamplesPane();
    private final Label message = new Label();
    private final SessionBar sessions;
    private final StudioDialogs dialogs;
    private final RecoveryBanner recovery;

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
        FlowPane controlRow = new FlowPane(12, 6, controls, sessions);
        VBox top = new VBox(recovery, controlRow, settings, progress, message);
        top.getStyleClass().add("top");
        setTop(top);

        VBox filterColumn = column("filters", filters, timeline);
        Label healthHeading = new Label("health");
        healthHeading.getStyleClass().add("heading");
        VBox mapsColumn = column("probe feature maps", featureMaps, healthHeading, health);
        confusionTitle.getStyleClass().add("heading");
        VBox chartColumn = new VBox(lossChart, accuracyChart, confusionTitle, confusion, cellSamples);
        chartColumn.getStyleClass().add("column");
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        VBox.setVgrow(accuracyChart, Priority.ALWAYS);
        HBox columns = new HBox(filterColumn, mapsColumn, chartColumn);
        columns.getStyleClass().add("columns");
        HBox.setHgrow(chartColumn, Priority.ALWAYS);
        // Fills the window when it is large enough; scrolls when the columns need more (a small window).
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("columns-scroll");
        setCenter(scroll);
    }

    private static VBox column(String title, javafx.scene.Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("heading");
        VBox box = new VBox(heading);
        box.getChildren().addAll(content);
        box.getStyleClass().add("column");
        return box;
    }

    private void wire() {
        model.frameProperty().addListener((obs, old, now) -> show(now));
        model.errorProperty().addListener((obs, old, now) -> showMessage(model.frame()));
        confusion.setOnCell(this::showConfusionCell);
        cellSamples.setOnImage(this::openInExplorer);
        timeline.exportGif.setOnAction(e -> sessions.exportTimeline(StudioDialogs.FileKind.TIMELINE_GIF, timeline.frames()));
        timeline.exportSheet.setOnAction(e -> sessions.exportTimeline(StudioDialogs.FileKind.TIMELINE_SHEET,
                timeline.frames()));
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        controls.newSession.setOnAction(e -> openNewSession());
        show(model.frame());
    }

    private void key(KeyEvent e) {
        if (KeyCombination.valueOf(SessionBar.SAVE_KEYS).match(e)) sessions.chooseSave();
        else if (KeyCombination.valueOf(SessionBar.OPEN_KEYS).match(e)) sessions.chooseOpen();
        else if (KeyCombination.valueOf(SessionBar.EXPORT_KEYS).match(e)) sessions.chooseExport();
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

    /** Shows the test images of class {@code trueClass} that the last evaluation predicted as {@code predicted}. */
    public void showConfusionCell(int trueClass, int predicted) {
        model.testSamples(trueClass, predicted, indices -> cellSamples.show(trueClass, predicted, indices,
                model.testSource()));
    }

    /** The "New session" window: a preset, the architecture editor and the data; the session starts through the opener. */
    private void openNewSession() {
        TrainingFrame f = model.frame();
        NewSessionDialog.show(getScene() == null ? null : getScene().getWindow(), f == null ? null : f.probe().spec(),
                model.start(), model.dataset(), f == null ? TrainingSettings.defaults() : f.settings(), askingToSaveFirst(), dialogs);
    }

    /** The opener, once the current session may close (offering to save it first when it has unsaved steps). */
    private SessionOpener askingToSaveFirst() {
        return (what, make, unsaved, onFailure) -> {
            if (sessions.confirmClose("starting " + what)) opener.open(what, make, unsaved, onFailure);
            else onFailure.accept("the current session stays open");
        };
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
        filters.show(f.filters());
        timeline.show(f.timeline());
        featureMaps.show(f.probe(), f.probeLabel());
        health.show(f.health());
        showCurves(f.curves());
        confusion.show(f.test());
        if (f.test() != null) {
            confusionTitle.setText(String.format(Locale.ROOT, "confusion matrix · test set of %,d · accuracy %.2f%% at step %,d",
                    f.test().total(), 100 * f.test().accuracy(), f.testStep()));
        }
        showMessage(f);
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
                new CurveChart.Series("per batch", RAW, x, toDouble(c.batchLoss()), false),
                new CurveChart.Series("smoothed", SMOOTH, x, toDouble(c.smoothedLoss()), false),
                new CurveChart.Series("epoch train", EPOCH_TRAIN, ex, trainLoss, true),
                new CurveChart.Series("epoch test", EPOCH_TEST, ex, testLoss, true)));
        lossChart.show(loss);
        accuracyChart.show(List.of(
                new CurveChart.Series("train (smoothed)", SMOOTH, x, toDouble(c.smoothedAccuracy()), false),
                new CurveChart.Series("epoch train", EPOCH_TRAIN, ex, trainAcc, true),
                new CurveChart.Series("epoch test", EPOCH_TEST, ex, testAcc, true)));
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return out;
    }
}
