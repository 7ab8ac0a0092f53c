package org.convscope.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convscope.data.InkImage;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.train.WarmUp;
import org.convscope.io.FileException;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSession;
import org.convscope.ui.explorer.ExplorerModel;
import org.convscope.ui.explorer.ExplorerView;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.lecture.LectureView;
import org.convscope.ui.training.TrainingView;
import org.convscope.ui.training.TrainingViewModel;

/**
 * The main window: the three uses of ConvScope as tabs over one model of the network — the drawing explorer, the
 * lecture steppers and the training studio. The studio loads MNIST in the background the first time it is shown.
 */
public final class MainLayout extends BorderPane implements AutoCloseable {
    public static final String TABS_ID = "main-tabs";

    private final ExplorerModel explorerModel;
    private final TabPane tabs = new TabPane();
    private final Tab explorerTab;
    private final Tab trainingTab = new Tab("Training");
    private TrainingViewModel trainingModel;

    public MainLayout() throws FileException {
        explorerModel = ExplorerModel.withBundledModel();
        warmUp(explorerModel.networkProperty().get().spec());
        explorerTab = new Tab("Explorer", new ExplorerView(explorerModel));
        Tab lectureTab = new Tab("Lecture", lecture());
        trainingTab.setContent(waiting("Loading MNIST for training…"));
        trainingTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && trainingModel == null) startStudio();
        });
        for (Tab tab : new Tab[] {explorerTab, lectureTab, trainingTab}) tab.setClosable(false);
        tabs.getTabs().addAll(explorerTab, lectureTab, trainingTab);
        tabs.setId(TABS_ID);
        setCenter(tabs);
    }

    /** Compiles the kernels in the background so that the first stroke is answered at full speed. */
    private static void warmUp(NetworkSpec spec) {
        Thread.ofPlatform().name("convscope-warm-up").daemon().priority(Thread.MIN_PRIORITY)
                .start(() -> WarmUp.run(spec, KernelSelection.preferred(), 3_000_000_000L));
    }

    /** The lecture steppers, or the reason they cannot start (the rest of the app still works). */
    private javafx.scene.Node lecture() {
        try {
            return LectureView.standalone(this::explorerDigit);
        } catch (FileException e) {
            return message("Cannot load the lessons: " + e.getMessage());
        }
    }

    /** The explorer's current input as the network sees it (28×28), or null before the first frame. */
    private float[] explorerDigit() {
        Frame frame = explorerModel.frameProperty().get();
        return frame == null ? null : frame.preprocessed().centred().ink().clone();
    }

    private void startStudio() {
        openStudio("Loading MNIST for training…", StudioSessions::bundledMnist,
                reason -> trainingTab.setContent(message("Cannot start training: " + reason)));
    }

    /**
     * Builds a training session in the background and shows it in the studio; the session shown before (if any) is
     * closed only once the new one exists, so a failure leaves it untouched.
     */
    private void openStudio(String what, Callable<TrainingSession> make, Consumer<String> onFailure) {
        javafx.scene.Node before = trainingTab.getContent();
        if (trainingModel == null) trainingTab.setContent(waiting(what));
        Task<TrainingViewModel> load = new Task<>() {
            @Override
            protected TrainingViewModel call() throws Exception {
                return new TrainingViewModel(make.call());
            }
        };
        load.setOnSucceeded(e -> {
            if (trainingModel != null) trainingModel.close();
            trainingModel = load.getValue();
            trainingTab.setContent(new TrainingView(trainingModel, (network, image, label) -> {
                // Any one-channel input of at least 28×28 (the studio offers no others for the explorer): the
                // explorer fits the picture to its 28×28 canvas and places it in the middle of the network's input.
                explorerModel.open(network, "training snapshot", new InkImage(network.input().width(),
                        network.input().height(), image.clone()), "test image · label " + label);
                tabs.getSelectionModel().select(explorerTab);
            }, this::openStudio));
        });
        load.setOnFailed(e -> {
            if (trainingModel != null) trainingTab.setContent(before);
            Throwable t = load.getException();
            onFailure.accept(t.getMessage() == null ? t.toString() : t.getMessage());
        });
        Thread.ofPlatform().name("convscope-load-training").daemon().start(load);
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

    public TabPane tabs() {
        return tabs;
    }

    @Override
    public void close() {
        explorerModel.close();
        if (trainingModel != null) trainingModel.close();
    }
}
