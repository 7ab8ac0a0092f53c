package org.convscope.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.convscope.engine.Network;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.train.WarmUp;
import org.convscope.io.Failures;
import org.convscope.io.AppFiles;
import org.convscope.io.FileException;
import org.convscope.lecture.CurrentModel;
import org.convscope.lecture.NetworkInput;
import org.convscope.lecture.NetworkPass;
import org.convscope.training.Autosave;
import org.convscope.training.SessionData;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSession;
import org.convscope.ui.explorer.ExplorerModel;
import org.convscope.ui.explorer.ExplorerView;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.explorer.Shortcut;
import org.convscope.ui.lecture.LectureView;
import org.convscope.ui.training.StudioDialogs;
import org.convscope.ui.training.TrainingView;
import org.convscope.ui.training.TrainingViewModel;

/**
 * The main window: the three uses of ConvScope as tabs over one model of the network — the drawing explorer, the
 * lecture steppers and the training studio. The studio loads MNIST in the background the first time it is shown.
 */
public final class MainLayout extends BorderPane implements AutoCloseable {
    private static final long WARM_UP_AT_LATEST_MILLIS = 5000;
    public static final String TABS_ID = "main-tabs";

    private final ExplorerModel explorerModel;
    private final TabPane tabs = new TabPane();
    private final Tab explorerTab;
    private final Tab trainingTab = new Tab("Training");
    private TrainingViewModel trainingModel;
    private TrainingView trainingView;
    private volatile Autosave.Recovery recovery;
    private Autosave.Slot autosave; // claimed when the studio first starts, held until close; guarded by this
    private final StudioDialogs studioDialogs;
    private final ExplorerView explorer;

    public MainLayout() throws FileException {
        this(null);
    }

    /** @param studioDialogs the studio's file choosers and save-before-quit question; null for real dialogs */
    public MainLayout(StudioDialogs studioDialogs) throws FileException {
        this.studioDialogs = studioDialogs;
        CompletableFuture<Void> warm = new CompletableFuture<>();
        explorerModel = ExplorerModel.withBundledModel(warm); // scalar kernels until the warm-up is done
        warmUpAfterFirstFrame(explorerModel.networkProperty().get().spec(), warm);
        explorer = new ExplorerView(explorerModel);
        explorerTab = new Tab("Explorer", explorer);
        // The tab strip and the waiting screens follow the explorer's theme: no light strip over a dark app.
        getStyleClass().add("main-layout");
        explorer.lightProperty().addListener((o, old, on) -> {
            if (on) getStyleClass().add("light");
            else getStyleClass().remove("light");
        });
        Tab lectureTab = new Tab("Lecture");
        lectureTab.selectedProperty().addListener((obs, was, selected) -> {
            if (!selected) return;
            if (lectureTab.getContent() == null) lectureTab.setContent(lecture()); // built when first shown
            Platform.runLater(lectureTab.getContent()::requestFocus); // → and ← step at once, not switch tabs
        });
        trainingTab.setContent(waiting("Loading MNIST for training…"));
        trainingTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && trainingModel == null) startStudio();
        });
        for (Tab tab : new Tab[] {explorerTab, lectureTab, trainingTab}) tab.setClosable(false);
        tabs.getTabs().addAll(explorerTab, lectureTab, trainingTab);
        tabs.setId(TABS_ID);
        setCenter(tabs);
    }

    /**
     * Starts {@link #warmUp} once the window's first frame is drawn (the second pulse after this layout is in a scene),
     * or after {@value #WARM_UP_AT_LATEST_MILLIS} ms at the latest: started at once, the warm-up's thread and the JIT's
     * compiling of the kernels took the cores that building, styling and first drawing the window needed, and the
     * window stayed black for seconds.
     */
    private void warmUpAfterFirstFrame(NetworkSpec spec, CompletableFuture<Void> done) {
        AtomicBoolean started = new AtomicBoolean();
        Runnable start = () -> {
            if (!started.getAndSet(true)) warmUp(spec, done);
        };
        CompletableFuture.delayedExecutor(WARM_UP_AT_LATEST_MILLIS, TimeUnit.MILLISECONDS).execute(start);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null || started.get()) return;
            int[] pulses = {0};
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (++pulses[0] < 2) return;
                scene.removePostLayoutPulseListener(listener[0]);
                start.run();
            };
            scene.addPostLayoutPulseListener(listener[0]);
        });
    }

    /** Compiles the kernels in the background so that strokes are answered at full speed; then completes done. */
    private static void warmUp(NetworkSpec spec, CompletableFuture<Void> done) {
        Thread.ofPlatform().name("convscope-warm-up").daemon().priority(Thread.MIN_PRIORITY).start(() -> {
            try {
                WarmUp.run(spec, KernelSelection.preferred(), 20_000_000_000L);
            } finally {
                done.complete(null);
            }
        });
    }

    /** The lecture steppers, or the reason they cannot start (the rest of the app still works). */
    private javafx.scene.Node lecture() {
        try {
            LectureView view = LectureView.standalone(this::explorerDigit, this::currentModel);
            view.lightProperty().bindBidirectional(explorer.lightProperty()); // one theme for the app: T in either tab
            return view;
        } catch (FileException e) {
            return message("Cannot load the lessons: " + e.getMessage());
        }
    }

    /** The explorer's current input as the network sees it (28×28), or null before the first frame. */
    private float[] explorerDigit() {
        Frame frame = explorerModel.frameProperty().get();
        return frame == null ? null : frame.preprocessed().centred().ink().clone();
    }

    /**
     * The explorer's model and its current input through it, as the lecture's frames of a real network take them: the
     * explorer's own forward pass, so the lecture shows the very numbers the explorer shows.
     */
    private CurrentModel currentModel() {
        Network network = explorerModel.networkProperty().get();
        String name = explorerModel.modelNameProperty().get();
        Frame frame = explorerModel.frameProperty().get();
        NetworkPass pass = null;
        if (frame != null && frame.snapshot().spec() == network.spec()) {
            String words = "the explorer's input (" + explorerModel.sourceProperty().get() + ")";
            pass = new NetworkPass(name, network, frame.snapshot(), new NetworkInput.Given(words, frame.snapshot().input()));
        }
        return new CurrentModel(name, network, pass);
    }

    /** The first session; an autosave left by a crash is moved aside first, then offered in the studio. */
    private void startStudio() {
        openStudio("Loading MNIST for training…", () -> {
            recovery = Autosave.recover(autosave().file()).orElse(null);
            return StudioSessions.bundledMnist();
        }, false, reason -> trainingTab.setContent(message("Cannot start training: " + reason)));
    }

    /**
     * Builds a training session in the background and shows it in the studio; the session shown before (if any) is
     * closed only once the new one exists, so a failure leaves it untouched. An {@code unsaved} session (a restored
     * autosave) has the quit confirmation offer to save it from the start; any other counts as saved until it trains
     * or its settings change.
     */
    private void openStudio(String what, Callable<TrainingSession> make, boolean unsaved, Consumer<String> onFailure) {
        javafx.scene.Node before = trainingTab.getContent();
        if (trainingModel == null) trainingTab.setContent(waiting(what));
        Task<TrainingViewModel> load = new Task<>() {
            @Override
            protected TrainingViewModel call() throws Exception {
                return new TrainingViewModel(make.call(), autosave().file(), unsaved);
            }
        };
        load.setOnSucceeded(e -> {
            TrainingViewModel replaced = trainingModel;
            // Closing waits for the old session's training and autosave threads (up to seconds each): not here.
            if (replaced != null) {
                Thread.ofPlatform().name("convscope-close-session").daemon().start(replaced::closeKeepingAutosave);
            }
            trainingModel = load.getValue();
            trainingView = new TrainingView(trainingModel, new StudioToExplorer(explorerModel,
                    () -> tabs.getSelectionModel().select(explorerTab)), this::openStudio, studioDialogs,
                    SessionData.DEFAULT);
            trainingTab.setText("Training · " + trainingView.dataTitle()); // the data set named on the tab
            trainingTab.setContent(trainingView);
            if (recovery != null) trainingView.offerRecovery(recovery);
            recovery = null;
        });
        load.setOnFailed(e -> {
            if (trainingModel != null) trainingTab.setContent(before);
            Throwable t = load.getException();
            onFailure.accept(Failures.report(t));
        });
        Thread.ofPlatform().name("convscope-load-training").daemon().start(load);
    }

    /** This window's autosave slot (claimed on first use, off the FX thread): never another running app's. */
    private synchronized Autosave.Slot autosave() {
        if (autosave == null) autosave = Autosave.claim(AppFiles.user().state());
        return autosave;
    }

    private static StackPane waiting(String text) {
        VBox box = new VBox(12, new ProgressIndicator(), new Label(text));
        box.getStyleClass().add("placeholder");
        return new StackPane(box);
    }

    private static StackPane message(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("placeholder");
        label.setWrapText(true);
        return new StackPane(label);
    }

    /**
     * Makes this layout's window close through {@link #confirmQuit}: its close button, and the quit shortcut
     * ({@link Shortcut#QUIT}, Ctrl+Q; ⌘Q on macOS), which asks the same Save / Don't save / Cancel and closes the
     * window when allowed. Closing the last window ends the app.
     */
    public void governQuitting(Stage stage) {
        stage.setOnCloseRequest(e -> {
            if (!confirmQuit()) e.consume();
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!Shortcut.QUIT.combination().match(e)) return;
            e.consume();
            // The window's own close request: the handler above asks, and an unconsumed request closes the window.
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
    }

    /** Whether the window may close: the studio offers to save a running or unsaved session first. FX thread. */
    public boolean confirmQuit() {
        if (trainingView != null && !trainingView.confirmQuit()) {
            tabs.getSelectionModel().select(trainingTab);
            return false;
        }
        return true;
    }

    /** The explorer's view model (the window opens a model in it from the command line). */
    public ExplorerModel explorer() {
        return explorerModel;
    }

    public TabPane tabs() {
        return tabs;
    }

    @Override
    public void close() {
        explorerModel.close();
        if (trainingModel != null) trainingModel.close();
        synchronized (this) {
            if (autosave != null) autosave.close();
        }
    }
}
