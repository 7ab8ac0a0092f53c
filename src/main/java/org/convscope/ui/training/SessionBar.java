package org.convscope.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.convscope.io.Failures;
import org.convscope.io.FileException;
import org.convscope.training.Autosave;
import org.convscope.training.CurveSnapshot;
import org.convscope.training.CurvesCsv;
import org.convscope.training.SessionData;
import org.convscope.training.SessionLoader;
import org.convscope.training.TimelineFrame;
import org.convscope.training.TrainingFrame;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Saving and opening whole sessions, exporting the model for the explorer, and the offer to save before quitting.
 * Opening builds a new session through the {@link SessionOpener}; until it exists the current one keeps training,
 * and a file that cannot be opened leaves it alone with one line naming the file and the problem.
 */
final class SessionBar extends HBox {
    static final String SAVE_KEYS = "Shortcut+S";
    static final String OPEN_KEYS = "Shortcut+O";
    static final String EXPORT_KEYS = "Shortcut+E";
    private static final long QUIT_SAVE_SECONDS = 60;
    private static final long PAUSE_SECONDS = 10;

    final Button save = button("save-session", "mdi2c-content-save-outline", "Save",
            "Save the whole session: model, optimizer state, settings, curves and filter timeline (" + SAVE_KEYS + ")");
    final Button open = button("open-session", "mdi2f-folder-open-outline", "Open",
            "Open a saved session; it continues exactly where it was saved (" + OPEN_KEYS + ")");
    final Button export = button("export-model", "mdi2e-export-variant", "Export model",
            "Save the network as it is now as a model file the explorer opens: ConvScope (.safetensors) or ONNX"
                    + " (.onnx), by the name's extension (" + EXPORT_KEYS + ")");
    final Label status = new Label();
    final Label autosave = new Label();
    private final TrainingViewModel model;
    private final SessionOpener opener;
    private final StudioDialogs dialogs;
    private final SessionData data;

    SessionBar(TrainingViewModel model, SessionOpener opener, StudioDialogs dialogs, SessionData data) {
        this.model = model;
        this.opener = opener;
        this.dialogs = dialogs;
        this.data = data;
        getStyleClass().add("session-bar");
        setAlignment(Pos.CENTER_LEFT);
        status.setId("session-status");
        status.getStyleClass().add("caption");
        autosave.setId("autosave-status");
        autosave.getStyleClass().add("problem");
        autosave.setWrapText(true);
        getChildren().addAll(save, open, export, status, autosave);
        save.setOnAction(e -> chooseSave());
        open.setOnAction(e -> chooseOpen());
        export.setOnAction(e -> chooseExport());
        model.autosaveStatusProperty().addListener((obs, old, now) -> showAutosave(now));
        showAutosave(model.autosaveStatusProperty().get());
    }

    private static Button button(String id, String icon, String text, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    void chooseSave() {
        Path file = dialogs.chooseSave(StudioDialogs.FileKind.SESSION);
        if (file != null) save(file);
    }

    private void save(Path file) {
        say("Saving " + file.getFileName() + "…", false);
        model.save(file).whenComplete((step, failure) -> Platform.runLater(() -> {
            if (failure == null) say(String.format(Locale.ROOT, "Saved %s at step %,d", file.getFileName(), step), false);
            else say(reason(failure), true);
        }));
    }

    void chooseOpen() {
        Path file = dialogs.chooseOpen(StudioDialogs.FileKind.SESSION);
        if (file != null && confirmClose("opening " + file.getFileName())) open(file);
    }

    /**
     * Opens a session file as a new session; the current one runs on until it exists. The new session is in its
     * file, so it counts as saved until it trains or its settings change.
     */
    void open(Path file) {
        say("Opening " + file.getFileName() + "…", false);
        opener.open("the session " + file.getFileName(), () -> SessionLoader.open(file, data), reason -> say(reason, true));
    }

    /**
     * Opens a crash's autosave; once open, the file becomes the autosave again (the new session counts as unsaved:
     * it is in no file the user chose, so it is autosaved at once and quitting offers to save it). If it cannot be
     * restored, it is set aside under a name of its own, said once, so the next start is clean.
     */
    void restore(Path recovered) {
        say("Restoring the autosave…", false);
        Path autosave = model.autosaver() == null ? null : model.autosaver().file();
        opener.open("the autosaved session", () -> {
            var session = SessionLoader.open(recovered, data);
            Autosave.restored(recovered, autosave);
            return session;
        }, true, reason -> say(reason + "; the autosave " + Autosave.keptAs(Autosave.setAside(recovered))
                .replaceFirst("^it ", ""), true));
    }

    void chooseExport() {
        Path file = dialogs.chooseSave(StudioDialogs.FileKind.MODEL);
        if (file == null) return;
        model.exportModel(file).whenComplete((v, failure) -> Platform.runLater(() -> {
            TrainingFrame f = model.frame();
            if (failure == null) say(String.format(Locale.ROOT, "Exported the model at step %,d to %s; open it in the explorer",
                    f.step(), file.getFileName()), false);
            else say(reason(failure), true);
        }));
    }

    /** Saves the curves as CSV, off the FX thread. */
    void exportCurves(CurveSnapshot curves) {
        Path file = dialogs.chooseSave(StudioDialogs.FileKind.CURVES);
        if (file == null) return;
        say("Saving the curves…", false);
        Thread.ofPlatform().name("convscope-curves-export").daemon().start(() -> {
            try {
                CurvesCsv.write(file, curves);
                Platform.runLater(() -> say(String.format(Locale.ROOT, "Saved %,d curve points to %s", curves.size(),
                        file.getFileName()), false));
            } catch (FileException e) {
                Platform.runLater(() -> say(e.getMessage(), true));
            }
        });
    }

    /** Saves the timeline as a GIF or a PNG sheet (kind TIMELINE_GIF or TIMELINE_SHEET), off the FX thread. */
    void exportTimeline(StudioDialogs.FileKind kind, List<TimelineFrame> timeline) {
        Path file = dialogs.chooseSave(kind);
        if (file != null) exportTimeline(kind, timeline, file);
    }

    private void exportTimeline(StudioDialogs.FileKind kind, List<TimelineFrame> timeline, Path file) {
        say("Saving the filter timeline…", false);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread.ofPlatform().name("convscope-timeline-export").daemon().start(() -> {
            try {
                done.complete(kind == StudioDialogs.FileKind.TIMELINE_GIF ? TimelineExport.gif(timeline, file)
                        : TimelineExport.sheet(timeline, file));
            } catch (FileException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.whenComplete((count, failure) -> Platform.runLater(() -> {
            if (failure == null) say(String.format(Locale.ROOT, "Saved %d timeline snapshots to %s", count,
                    file.getFileName()), false);
            else say(reason(failure), true);
        }));
    }

    /** Whether the app may quit; see {@link #confirmClose}. FX thread. */
    boolean confirmQuit() {
        return confirmClose("quitting");
    }

    /**
     * Whether the session may be closed (or reset) by {@code action} ("quitting", "resetting", "opening
     * a.convscope-session"): with training running or steps not saved, pauses training (so the step asked about stays
     * the step it is) and asks Save / Don't save / Cancel; "Save" asks for a file and waits for the save, and a failed
     * save keeps the session. A session that was running runs on when the answer keeps it. FX thread.
     */
    boolean confirmClose(String action) {
        if (!model.hasUnsavedProgress()) return true;
        boolean wasRunning = model.frame().running() && pauseAndWait();
        TrainingFrame f = model.session().latestFrame();
        String detail = String.format(Locale.ROOT, "%s; the session at step %,d (epoch %d) is not saved.",
                wasRunning ? "Training is paused while you choose" : "Training is paused", f.step(), f.epoch() + 1);
        boolean close = switch (dialogs.askSaveFirst(action, detail)) {
            case DONT_SAVE -> true;
            case CANCEL -> false;
            case SAVE -> saveFirst();
        };
        if (!close && wasRunning) model.play();
        return close;
    }

    /** Pauses training and waits (a few seconds at most) until it has; false if it did not answer in time. */
    private boolean pauseAndWait() {
        try {
            model.pause().get(PAUSE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Clears a problem shown from an earlier action (a file that could not be opened), once the user does another. */
    void clearProblem() {
        if (status.getStyleClass().contains("problem")) say("", false);
    }

    private boolean saveFirst() {
        Path file = dialogs.chooseSave(StudioDialogs.FileKind.SESSION);
        if (file == null) return false;
        try {
            model.save(file).get(QUIT_SAVE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            say(reason(e.getCause()), true);
        } catch (TimeoutException e) {
            say(file.getFileName() + ": saving takes too long; nothing was closed", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    void say(String text, boolean problem) {
        status.setText(text);
        status.getStyleClass().removeAll("caption", "problem");
        status.getStyleClass().add(problem ? "problem" : "caption");
    }

    private void showAutosave(String text) {
        autosave.setText(text);
        autosave.setVisible(!text.isEmpty());
        autosave.setManaged(!text.isEmpty());
    }

    private static String reason(Throwable t) {
        return Failures.report(t);
    }
}
