package org.convscope.ui.training;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The studio's dialogs as real windows: file choosers with the kind's filter, and the save-before-quit alert. */
final class FxStudioDialogs implements StudioDialogs {
    private static final ButtonType SAVE = new ButtonType("Save…", ButtonBar.ButtonData.YES);
    private static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);

    private final Node owner;
    private File lastFolder;

    FxStudioDialogs(Node owner) {
        this.owner = owner;
    }

    @Override
    public Path chooseSave(FileKind kind) {
        FileChooser chooser = chooser("Save " + kind.title, kind);
        chooser.setInitialFileName(kind.suggestedName);
        return remember(chooser.showSaveDialog(window()), kind);
    }

    @Override
    public Path chooseOpen(FileKind kind) {
        return remember(chooser("Open a " + kind.title, kind).showOpenDialog(window()), null);
    }

    private FileChooser chooser(String title, FileKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.description, "*" + kind.extension));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        return chooser;
    }

    /** Remembers the folder; a name typed without the extension gets it. */
    private Path remember(File file, FileKind addExtension) {
        if (file == null) return null;
        lastFolder = file.getParentFile();
        Path path = file.toPath();
        if (addExtension != null && !file.getName().endsWith(addExtension.extension)) {
            path = path.resolveSibling(file.getName() + addExtension.extension);
        }
        return path;
    }

    @Override
    public QuitChoice askSaveFirst(String action, String detail) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, SAVE, DONT_SAVE, ButtonType.CANCEL);
        alert.setTitle("ConvScope");
        alert.setHeaderText("Save the training session before " + action + "?");
        alert.initOwner(window());
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return Map.of(SAVE, QuitChoice.SAVE, DONT_SAVE, QuitChoice.DONT_SAVE).getOrDefault(answer, QuitChoice.CANCEL);
    }

    private Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }
}
