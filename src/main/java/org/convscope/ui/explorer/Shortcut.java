package org.convscope.ui.explorer;

import javafx.scene.input.KeyCombination;

/** The explorer's keyboard shortcuts, one list for the key handling and the help overlay. */
public enum Shortcut {
    UNDO("Shortcut+Z", "Undo the last stroke"),
    REDO("Shortcut+Y", "Redo"),
    REDO_SHIFT("Shortcut+Shift+Z", "Redo"),
    CLEAR("Delete", "Clear the canvas"),
    CLEAR_BACKSPACE("Backspace", "Clear the canvas"),
    ERASER("E", "Eraser on or off (the right button always erases)"),
    THINNER("Open Bracket", "Thinner brush"),
    THICKER("Close Bracket", "Thicker brush"),
    NEXT("Right", "Next test digit"),
    PREVIOUS("Left", "Previous test digit"),
    RANDOM("R", "Random test digit"),
    MISCLASSIFIED("M", "Only misclassified test digits, on or off"),
    OPEN_IMAGE("Shortcut+O", "Open an image (PNG or JPG) or an .npy tensor; or drop it on the window"),
    PASTE("Shortcut+V", "Paste an image from the clipboard (models that take photos)"),
    OPEN_MODEL("Shortcut+Shift+O", "Open a model file"),
    EXPORT("Shortcut+E", "Export the network view as PNG at 2×"),
    PER_MAP("1", "Normalise colours per map"),
    PER_LAYER("2", "Normalise colours per layer"),
    GLOBAL("3", "Normalise colours globally"),
    SALIENCY("S", "Saliency overlay on the input, on or off"),
    STEPS("P", "Show the preprocessing steps"),
    FIT("F", "Fit the network view to the window (a graph: + − zoom, 0 is 1:1)"),
    INSPECTOR("I", "Show or hide the inspector (clicking a unit opens it)"),
    UNPIN("Esc", "Unpin the unit: the inspector follows the pointer again"),
    THEME("T", "Light or dark theme"),
    HELP("F1", "This help (Esc closes it)"),
    QUIT("Shortcut+Q", "Quit (asks first when a training session has unsaved steps)");

    private final KeyCombination combination;
    private final String description;

    Shortcut(String keys, String description) {
        this.combination = KeyCombination.valueOf(keys);
        this.description = description;
    }

    public KeyCombination combination() {
        return combination;
    }

    public String description() {
        return description;
    }

    /** The keys as the platform writes them, e.g. "Ctrl+Z". */
    public String keys() {
        return combination.getDisplayText();
    }
}
