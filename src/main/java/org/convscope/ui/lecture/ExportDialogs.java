package org.convscope.ui.lecture;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.convscope.io.AppFiles;

/**
 * Asks where an export goes: a save dialog for a PNG or GIF, a folder dialog for a PNG series (written into a new
 * folder named after the frame inside the chosen one). Dialogs open in the folder used last (by any export of the
 * app), at first in the app's exports folder ({@link AppFiles}).
 */
final class ExportDialogs implements ExportTarget {
    @Override
    public Path choose(ExportKind kind, String suggested, Window owner) {
        AppFiles files = AppFiles.user();
        File start = files.exportStart().toFile();
        if (kind == ExportKind.STEPS_PNG_SERIES) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the " + kind.description() + " (a new folder " + suggested + " goes inside)");
            chooser.setInitialDirectory(start);
            File dir = chooser.showDialog(owner);
            if (dir == null) return null;
            files.exportedTo(dir.toPath());
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
        files.exportedTo(path.toAbsolutePath().getParent());
        return path;
    }
}
