package org.convscope.ui.lecture;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where an export goes: a save dialog for a PNG or GIF, a folder dialog for a PNG series (written into a new
 * folder named after the frame inside the chosen one). Dialogs open in the folder used last (kept in the user's
 * preferences), at first in {@code ~/ConvScope/exports}.
 */
final class ExportDialogs implements ExportTarget {
    private static final String LAST_FOLDER = "lecture.exportFolder";

    /** The default export folder: ConvScope/exports in the user's home. */
    static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), "ConvScope", "exports");
    }

    @Override
    public Path choose(ExportKind kind, String suggested, Window owner) {
        File start = startFolder().toFile();
        if (kind == ExportKind.STEPS_PNG_SERIES) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the " + kind.description() + " (a new folder " + suggested + " goes inside)");
            chooser.setInitialDirectory(start);
            File dir = chooser.showDialog(owner);
            if (dir == null) return null;
            remember(dir.toPath());
            return dir.toPath().resolve(suggested);
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the " + kind.description());
        chooser.setInitialDirectory(start);
        chooser.setInitialFileName(suggested + kind.extension());
        String pattern = "*" + kind.extension();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.extension().substring(1).toUpperCase()
                + " image", pattern));
        File file = chooser.showSaveDialog(owner);
        if (file == null) return null;
        Path path = file.getName().contains(".") ? file.toPath() : file.toPath().resolveSibling(file.getName() + kind.extension());
        remember(path.toAbsolutePath().getParent());
        return path;
    }

    /** The folder used last if it still exists, else the default one (created), else the home folder. */
    private Path startFolder() {
        String last = preferences().get(LAST_FOLDER, null);
        if (last != null && Files.isDirectory(Path.of(last))) return Path.of(last);
        Path folder = defaultFolder();
        try {
            Files.createDirectories(folder);
            return folder;
        } catch (IOException | SecurityException e) {
            return Path.of(System.getProperty("user.home"));
        }
    }

    private void remember(Path folder) {
        if (folder != null) preferences().put(LAST_FOLDER, folder.toAbsolutePath().toString());
    }

    /** Read when a dialog opens, not before: a lecture that never exports leaves the preferences alone. */
    private static Preferences preferences() {
        return Preferences.userNodeForPackage(ExportDialogs.class);
    }
}
