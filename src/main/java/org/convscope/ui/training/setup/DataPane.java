package org.convscope.ui.training.setup;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.convscope.io.Failures;
import org.convscope.training.StudioData;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What to train on: the bundled MNIST, an IDX data set folder, CIFAR-10's binary batches or an image folder with one
 * sub-folder per class. A
 * chosen folder is read in the background; its summary (images, classes, how the test set is held out) or the one-line
 * reason it cannot be used shows below. A folder that fails leaves the data chosen before in place.
 */
public final class DataPane extends VBox {
    private final ReadOnlyObjectWrapper<StudioData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<Boolean> loading = new ReadOnlyObjectWrapper<>(this, "loading", false);
    private final ToggleGroup group = new ToggleGroup();
    final RadioButton mnist = radio("data-mnist", StudioData.Kind.MNIST);
    final RadioButton idx = radio("data-idx", StudioData.Kind.IDX);
    final RadioButton cifar = radio("data-cifar", StudioData.Kind.CIFAR10);
    final RadioButton images = radio("data-images", StudioData.Kind.IMAGES);
    final Label summary = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private long request;

    public DataPane() {
        getStyleClass().add("data-pane");
        summary.setId("data-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        Label title = new Label("Data");
        title.getStyleClass().add("section");
        Label imagesNote = new Label("Image folder: one sub-folder of PNG or JPG images per class; colour images keep"
                + " three channels; without train/ and test/ sub-folders, 1 in 6 images of each class is held out for"
                + " testing");
        imagesNote.getStyleClass().add("note");
        imagesNote.setWrapText(true);
        getChildren().addAll(title, mnist,
                new HBox(6, idx, chooseButton("choose-idx", StudioData.Kind.IDX)),
                new HBox(6, cifar, chooseButton("choose-cifar", StudioData.Kind.CIFAR10)),
                new HBox(6, images, chooseButton("choose-images", StudioData.Kind.IMAGES)), imagesNote,
                new HBox(6, busy, summary));
        for (var node : getChildren()) if (node instanceof HBox row) row.setAlignment(Pos.CENTER_LEFT);
        mnist.setOnAction(e -> choose(StudioData.Kind.MNIST, null));
        idx.setOnAction(e -> chooseFolder(StudioData.Kind.IDX));
        cifar.setOnAction(e -> chooseFolder(StudioData.Kind.CIFAR10));
        images.setOnAction(e -> chooseFolder(StudioData.Kind.IMAGES));
    }

    private RadioButton radio(String id, StudioData.Kind kind) {
        RadioButton r = new RadioButton(switch (kind) {
            case MNIST -> "Bundled MNIST";
            case IDX -> "IDX folder";
            case CIFAR10 -> "CIFAR-10 folder";
            case IMAGES -> "Image folder";
        });
        r.setTooltip(new Tooltip(kind.toString()));
        r.setId(id);
        r.setToggleGroup(group);
        return r;
    }

    private Button chooseButton(String id, StudioData.Kind kind) {
        Button b = new Button("Choose…", new FontIcon("mdi2f-folder-open-outline"));
        b.setId(id);
        b.setTooltip(new Tooltip("Choose the folder"));
        b.setOnAction(e -> chooseFolder(kind));
        return b;
    }

    /** The chosen data, once read; null before. */
    public ReadOnlyObjectProperty<StudioData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    private void chooseFolder(StudioData.Kind kind) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(switch (kind) {
            case IDX -> "IDX data set folder (Fashion-MNIST, EMNIST…)";
            case CIFAR10 -> "CIFAR-10 binary folder (data_batch_1.bin … test_batch.bin)";
            default -> "Image folder: one sub-folder of images per class";
        });
        StudioData now = data.get();
        if (now != null && now.kind() != StudioData.Kind.MNIST) {
            File parent = now.folder().toAbsolutePath().getParent().toFile();
            if (parent.isDirectory()) chooser.setInitialDirectory(parent);
        }
        File folder = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (folder == null) {
            selectCurrent();
            return;
        }
        choose(kind, folder.toPath());
    }

    /** Reads the data in the background; on success it becomes the choice, on failure the reason shows. */
    public void choose(StudioData.Kind kind, Path folder) {
        long id = ++request;
        loading.set(true);
        busy.setVisible(true);
        summary.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), false);
        summary.setText("Reading " + (folder == null ? "MNIST" : folder) + "…");
        Task<StudioData> read = new Task<>() {
            @Override
            protected StudioData call() {
                return StudioData.open(kind, folder);
            }
        };
        read.setOnSucceeded(e -> {
            if (id != request) return;
            done();
            data.set(read.getValue());
            summary.setText(read.getValue().summary());
            selectCurrent();
        });
        read.setOnFailed(e -> {
            if (id != request) return;
            done();
            Throwable t = read.getException();
            summary.setText("Cannot use it: " + Failures.report(t)
                    + (data.get() == null ? "" : " — still using " + data.get().title() + "."));
            summary.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), true);
            selectCurrent();
        });
        Thread.ofPlatform().name("convscope-load-data").daemon().start(read);
    }

    /** Opens the data a session names ("" for MNIST, else its folder). */
    public void chooseKey(String key) {
        if (key == null || key.isEmpty()) {
            choose(StudioData.Kind.MNIST, null);
            return;
        }
        Path folder = Path.of(key);
        StudioData.Kind kind;
        try {
            kind = StudioData.resolveKind(folder);
        } catch (RuntimeException e) {
            kind = StudioData.Kind.IMAGES;
        }
        choose(kind, folder);
    }

    private void done() {
        loading.set(false);
        busy.setVisible(false);
    }

    private void selectCurrent() {
        StudioData now = data.get();
        group.selectToggle(now == null ? null : switch (now.kind()) {
            case MNIST -> mnist;
            case IDX -> idx;
            case CIFAR10 -> cifar;
            case IMAGES -> images;
        });
    }
}
