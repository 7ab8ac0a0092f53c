package org.convscope.ui.training.setup;

import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.training.StartWeights;
import org.convscope.training.StudioData;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.training.SessionOpener;
import org.convscope.ui.training.StudioDialogs;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "New session": the data on the left, the architecture editor on the right, and Start, enabled only when the data is
 * read and the network can be trained on it. Start builds the session through the {@link SessionOpener} (off the FX
 * thread), from a model's weights when the network was opened from a model file, with the layers the editor freezes
 * frozen, and sets it training; the old session is replaced only once the new one exists, and a failure is shown here
 * with nothing lost. Enter never starts it: in a number field it commits the number.
 */
public final class NewSessionPane extends BorderPane {
    private final ArchitectureModel model;
    private final SessionOpener opener;
    private final TrainingSettings settings;
    final DataPane data = new DataPane();
    final ArchitectureEditor editor;
    final Label fitting = new Label();
    final Label status = new Label();
    final Button start = new Button("Start training", new FontIcon("mdi2p-play"));
    final Button cancel = new Button("Cancel");
    private final Tooltip startTip = new Tooltip();
    private boolean starting;
    private Runnable onClose = () -> {};

    /**
     * @param current      the network the studio trains now (offered as a starting point), or null
     * @param currentStart the weights its session started from (offered with it), or null for fresh ones
     * @param settings     the optimizer and other settings the new session starts with
     * @param dialogs      asks for the model file to start from ("Open model…")
     */
    public NewSessionPane(NetworkSpec current, StartWeights currentStart, TrainingSettings settings,
                          SessionOpener opener, StudioDialogs dialogs) {
        this.model = new ArchitectureModel(current == null ? org.convscope.engine.spec.Presets.lenet5() : current);
        model.setTrainLast(settings.trainLast());
        this.opener = opener;
        this.settings = settings;
        this.editor = new ArchitectureEditor(model, current, currentStart,
                () -> dialogs.chooseOpen(StudioDialogs.FileKind.MODEL_TO_START));
        getStyleClass().add("new-session");
        getStylesheets().add(NewSessionPane.class.getResource("/css/setup.css").toExternalForm());
        layoutNodes();
        wire();
    }

    private void layoutNodes() {
        Label title = new Label("New training session");
        title.getStyleClass().add("title");
        setTop(title);
        fitting.setId("data-fitting");
        fitting.getStyleClass().add("note");
        fitting.setWrapText(true);
        VBox left = new VBox(10, data, fitting);
        left.getStyleClass().add("left");
        left.setPrefWidth(290);
        left.setMinWidth(290);
        setLeft(left);
        setCenter(editor);
        start.setId("start-session");
        start.setTooltip(startTip);
        // Not the default button: Enter in a number field commits the number, it does not start training.
        start.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("cancel-session");
        cancel.setCancelButton(true);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        status.setId("start-status");
        status.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(status, Priority.SOMETIMES);
        HBox bottom = new HBox(8, status, gap, cancel, start);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.getStyleClass().add("bottom");
        setBottom(bottom);
    }

    private void wire() {
        data.dataProperty().addListener((obs, old, now) -> {
            if (now == null) return;
            model.setData(now.dims().channels(), now.numClasses());
            update();
        });
        data.loadingProperty().addListener((obs, old, now) -> update());
        editor.openingModelProperty().addListener((obs, old, now) -> update());
        model.analysisProperty().addListener((obs, old, now) -> update());
        start.setOnAction(e -> start());
        cancel.setOnAction(e -> onClose.run());
        update();
    }

    /** Opens the data a session names ("" for the bundled MNIST, else its folder). */
    public void chooseData(String key) {
        data.chooseKey(key);
    }

    /** Called when the pane is done: the session started, or Cancel. */
    public void setOnClose(Runnable handler) {
        onClose = handler;
    }

    public DataPane dataPane() {
        return data;
    }

    private void update() {
        StudioData d = data.dataProperty().get();
        ArchitectureModel.Analysis a = model.analysis();
        boolean ready = d != null && !data.loadingProperty().get() && !editor.openingModelProperty().get() && a.valid()
                && !starting;
        start.setDisable(!ready);
        cancel.setDisable(starting);
        if (d == null) {
            fitting.setText("");
        } else {
            Dims in = model.input();
            String how = d.fitting(in.height(), in.width());
            fitting.setText("The network takes " + in + (how.isEmpty() ? "; the images are used as they are."
                    : "; " + d.title() + "'s " + how + "."));
        }
        if (!starting) {
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), !a.valid());
            status.setText(d == null ? "Choose the data" : a.valid() ? what(d) : "Start is disabled: " + a.problem());
        }
        StartWeights weights = model.start();
        startTip.setText("Replace the studio's session with this network on this data, "
                + (weights == null ? "fresh weights" : "starting from the weights of " + weights.source()));
    }

    private String what(StudioData d) {
        NetworkSpec spec = model.spec();
        StartWeights weights = model.start();
        int last = model.trainLast();
        return String.format(Locale.ROOT, "%s on %s · %,d parameters%s%s", spec.name(), d.title(), spec.parameterCount(),
                weights == null ? "" : " · weights from " + weights.source(),
                last == 0 ? "" : " · only the last " + last + (last == 1 ? " layer trains" : " layers train"));
    }

    private void start() {
        StudioData d = data.dataProperty().get();
        NetworkSpec spec = model.spec();
        StartWeights weights = model.start();
        TrainingSettings chosen = settings.withTrainLast(model.trainLast());
        if (d == null || !model.analysis().valid()) return;
        starting = true;
        String what = what(d);
        status.setText("Starting " + what + "…");
        update();
        opener.open(what, () -> {
            TrainingSession session = StudioSessions.on(d, spec, chosen, weights);
            session.play(); // Start training means training, not a session waiting at step 0
            Platform.runLater(() -> {
                starting = false;
                onClose.run();
            });
            return session;
        }, reason -> {
            starting = false;
            update();
            status.setText("Cannot start: " + reason);
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), true);
        });
    }
}
