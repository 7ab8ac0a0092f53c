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

/**
 * The studio's dialogs as real windows: file choosers with the kind's filters (a name saved without a known extension
 * gets the chosen filter's), and the save-before-quit alert.
 */
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
        File file = chooser.showSaveDialog(window());
        if (file == null) return null;
        Path path = remember(file);
        if (kind.fits(file.getName())) return path;
        FileChooser.ExtensionFilter chosen = chooser.getSelectedExtensionFilter();
        String pattern = chosen == null ? chooser.getExtensionFilters().get(0).getExtensions().get(0)
                : chosen.getExtensions().get(0);
        return path.resolveSibling(file.getName() + pattern.substring(1));
    }

    @Override
    public Path chooseOpen(FileKind kind) {
        File file = chooser("Open a " + kind.title, kind).showOpenDialog(window());
        return file == null ? null : remember(file);
    }

    private FileChooser chooser(String title, FileKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (StudioDialogs.Filter f : kind.filters) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(),
                    f.extensions().stream().map(e -> "*" + e).toList()));
        }
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        return chooser;
    }

    /** Remembers the folder for the next chooser. */
    private Path remember(File file) {
        lastFolder = file.getParentFile();
        return file.toPath();
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
