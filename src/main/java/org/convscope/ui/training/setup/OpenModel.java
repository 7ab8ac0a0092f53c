package org.convscope.ui.training.setup;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import org.convscope.open.Models;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Open model…": asks for a model file (ConvScope or ONNX), reads it on the {@value #THREAD} thread, never the FX
 * thread, and hands it on with its file name. While it reads, and when it cannot be used, {@link #status} says so in
 * one line; a failure hands nothing on, so the network being edited stays as it is.
 */
final class OpenModel {
    static final String THREAD = "convscope-load-model";

    final Button button = new Button("Open model…", new FontIcon("mdi2f-folder-open-outline"));
    final Label status = new Label();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final Supplier<Path> choose;
    private final BiConsumer<String, ModelFile.Model> opened;
    private long request;

    /**
     * @param choose asks for the file (null when cancelled)
     * @param opened receives the file's name and the model, on the FX thread
     */
    OpenModel(Supplier<Path> choose, BiConsumer<String, ModelFile.Model> opened) {
        this.choose = choose;
        this.opened = opened;
        button.setId("open-model");
        button.setTooltip(new Tooltip("Start from a model file (ConvScope .safetensors or .onnx) and its weights"));
        button.setOnAction(e -> {
            Path file = choose.get();
            if (file != null) open(file);
        });
        status.setId("model-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        say("", false);
    }

    /** Whether a file is being read (the network may change when it is). */
    ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Reads {@code file} in the background; a later call wins over one still reading. */
    void open(Path file) {
        long id = ++request;
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        say("Opening " + name + "…", false);
        busy(true);
        Task<ModelFile.Model> read = new Task<>() {
            @Override
            protected ModelFile.Model call() throws FileException {
                return Models.load(file);
            }
        };
        read.setOnSucceeded(e -> {
            if (id != request) return;
            say("", false);
            opened.accept(name, read.getValue());
            busy(false);
        });
        read.setOnFailed(e -> {
            if (id != request) return;
            Throwable t = read.getException();
            say("Cannot open it: " + (t.getMessage() == null ? t.toString() : t.getMessage())
                    + " — the network is unchanged.", true);
            busy(false);
        });
        Thread.ofPlatform().name(THREAD).daemon().start(read);
    }

    private void busy(boolean now) {
        button.setDisable(now);
        opening.set(now);
    }

    private void say(String text, boolean problem) {
        status.setText(text);
        status.setVisible(!text.isEmpty());
        status.setManaged(!text.isEmpty());
        status.pseudoClassStateChanged(PseudoClass.getPseudoClass("problem"), problem);
    }
}
