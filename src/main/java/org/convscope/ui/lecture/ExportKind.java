package org.convscope.ui.lecture;

/** What lecture mode exports: the frame as it is, or the frame's whole stepping sequence. */
enum ExportKind {
    FRAME_PNG("frame as PNG", ".png"),
    STEPS_GIF("steps as animated GIF", ".gif"),
    STEPS_PNG_SERIES("steps as a PNG series", "");

    private final String description;
    private final String extension;

    ExportKind(String description, String extension) {
        this.description = description;
        this.extension = extension;
    }

    String description() {
        return description;
    }

    /** ".png", ".gif", or "" for a series, which is a folder. */
    String extension() {
        return extension;
    }
}
