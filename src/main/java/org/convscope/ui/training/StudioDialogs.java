package org.convscope.ui.training;

import java.nio.file.Path;
import java.util.List;

/**
 * The studio's questions to the user: which file to save or open, and whether to save before quitting. The app
 * uses {@link FxStudioDialogs}; tests answer without a real dialog.
 */
public interface StudioDialogs {
    /** A file chooser's filter: its description and the extensions it shows (".onnx"). */
    record Filter(String description, List<String> extensions) {
        Filter(String description, String... extensions) {
            this(description, List.of(extensions));
        }
    }

    /**
     * What a file chooser is for: its title, a suggested name and the filters; a file saved under a name with none
     * of their extensions gets the chosen filter's.
     */
    enum FileKind {
        SESSION("training session", "training.convscope-session",
                new Filter("ConvScope training sessions", ".convscope-session")),
        MODEL("model for the explorer", "trained.safetensors", new Filter("ConvScope models", ".safetensors"),
                new Filter("ONNX models", ".onnx")),
        MODEL_TO_START("model to start from", "", new Filter("Models (ConvScope, ONNX)", ".safetensors", ".onnx")),
        TIMELINE_GIF("filter timeline as animated GIF", "filter-timeline.gif", new Filter("GIF animations", ".gif")),
        TIMELINE_SHEET("filter timeline as PNG sheet", "filter-timeline.png", new Filter("PNG images", ".png")),
        CURVES("training curves as CSV", "training-curves.csv", new Filter("CSV files", ".csv"));

        final String title;
        final String suggestedName;
        final List<Filter> filters;

        FileKind(String title, String suggestedName, Filter... filters) {
            this.title = title;
            this.suggestedName = suggestedName;
            this.filters = List.of(filters);
        }

        /** Whether the file's name ends with one of the filters' extensions. */
        boolean fits(String fileName) {
            String name = fileName.toLowerCase(java.util.Locale.ROOT);
            return filters.stream().flatMap(f -> f.extensions().stream()).anyMatch(name::endsWith);
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
