package org.convscope.ui.training.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.convscope.ui.training.StudioDialogs;

/** The studio's dialogs for tests: each file chooser answers with the next file given (null when none is left). */
final class ChosenFiles implements StudioDialogs {
    private final ConcurrentLinkedDeque<Path> files = new ConcurrentLinkedDeque<>();
    /** The kinds of file asked for, in order. */
    final List<FileKind> asked = new ArrayList<>();

    /** The answer to the next file chooser. */
    ChosenFiles next(Path file) {
        files.add(file);
        return this;
    }

    @Override
    public Path chooseSave(FileKind kind) {
        asked.add(kind);
        return files.poll();
    }

    @Override
    public Path chooseOpen(FileKind kind) {
        asked.add(kind);
        return files.poll();
    }

    @Override
    public QuitChoice askSaveFirst(String action, String detail) {
        return QuitChoice.CANCEL;
    }
}
