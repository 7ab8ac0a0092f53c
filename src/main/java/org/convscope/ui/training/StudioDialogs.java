package org.convscope.ui.training;

import java.nio.file.Path;

/**
 * The studio's questions to the user: which file to save or open, and whether to save before quitting. The app
 * uses {@link FxStudioDialogs}; tests answer without a real dialog.
 */
public interface StudioDialogs {
    /** What a file chooser is for: its title, the filter's description and extension, and a suggested name. */
    enum FileKind {
        SESSION("training session", "ConvScope training sessions", ".convscope-session", "training.convscope-session"),
        MODEL("model for the explorer", "ConvScope models", ".safetensors", "trained.safetensors"),
        TIMELINE_GIF("filter timeline as animated GIF", "GIF animations", ".gif", "filter-timeline.gif"),
        TIMELINE_SHEET("filter timeline as PNG sheet", "PNG images", ".png", "filter-timeline.png");

        final String title;
        final String description;
        final String extension;
        final String suggestedName;

        FileKind(String title, String description, String extension, String suggestedName) {
            this.title = title;
            this.description = description;
            this.extension = extension;
            this.suggestedName = suggestedName;
        }
    }

    enum QuitChoice { SAVE, DONT_SAVE, CANCEL }

    /** The file to write, or null when cancelled. */
    Path chooseSave(FileKind kind);

    /** The file to read, or null when cancelled. */
    Path chooseOpen(FileKind kind);

    /**
     * Save / Don't save / Cancel, before the session is closed.
     *
     * @param action what closes it, in words ("quitting", "opening run.convscope-session")
     * @param detail what would be lost, in words ("training is running, step 1,234 is not saved")
     */
    QuitChoice askSaveFirst(String action, String detail);
}
