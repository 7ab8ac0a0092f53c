package org.convscope.ui.lecture;

import java.nio.file.Path;
import javafx.stage.Window;

/** Where an export goes: the user's choice in a dialog ({@link ExportDialogs}), or a fixed folder in tests. */
@FunctionalInterface
interface ExportTarget {
    /**
     * The file to write (PNG, GIF) or the folder to fill (PNG series), offering {@code suggested} (a name without
     * extension) as the default; null when the user cancels.
     */
    Path choose(ExportKind kind, String suggested, Window owner);

    /** Everything into {@code folder}, under the suggested names, without asking. */
    static ExportTarget folder(Path folder) {
        return (kind, suggested, owner) -> folder.resolve(suggested + kind.extension());
    }
}
