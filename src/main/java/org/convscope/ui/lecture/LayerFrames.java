package org.convscope.ui.lecture;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import javafx.concurrent.Task;
import org.convscope.engine.Network;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.lecture.CurrentModel;
import org.convscope.lecture.Frame;
import org.convscope.lecture.LayerConv;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.NetworkInput;
import org.convscope.lecture.NetworkPass;
import org.convscope.lecture.Preprocessing;
import org.convscope.model.DigitInput;
import org.convscope.open.Models;

/**
 * Makes the frames of a real network's filter. The explorer's own pass is shown at once; anything else (a model file
 * read, a photo decoded and preprocessed, the whole network run) is done on a background thread, the frame shown when
 * it is ready; the newest request wins, an older one finishing later is dropped. What is being computed, and what went
 * wrong, in one line, go to {@code say}.
 */
final class LayerFrames {
    private final LectureModel model;
    private final LessonSources sources;
    private final BiConsumer<String, Boolean> say;
    private long requested;

    /** @param say shows a line over the frame, as a problem or not; the empty line clears it */
    LayerFrames(LectureModel model, LessonSources sources, BiConsumer<String, Boolean> say) {
        this.model = model;
        this.sources = sources;
        this.say = say;
    }

    /** Says why something asked for cannot be done. */
    void problem(String text) {
        say.accept(text, true);
    }

    /** The app's current model, when the app has one. */
    CurrentModel current() {
        return sources.currentModel().orElse(null);
    }

    /**
     * A new frame after the current one: the first convolution's first filter of the app's current model, over the
     * explorer's input (or, before the explorer has one, a test digit or the colour pattern).
     */
    void insertCurrent() {
        CurrentModel current = current();
        if (current == null) {
            say.accept("There is no model to take a layer from: open one in the explorer", true);
            return;
        }
        if (current.explorer() != null) done(current.explorer(), -1, 0, true);
        else show(current.name(), current.network(), standardInput(current.network()), -1, 0, true);
    }

    /**
     * Shows layer {@code layer}'s filter {@code filter} (−1: the first convolution) of the network over the input (made
     * to fit it when it cannot be: another size, a preprocessing for other models), as a new frame or in place of the
     * current one.
     */
    void show(String name, Network network, NetworkInput input, int layer, int filter, boolean insert) {
        CurrentModel current = current();
        boolean explorers = current != null && current.explorer() != null && current.network() == network
                && input instanceof NetworkInput.Given g && g.values() == current.explorer().values();
        if (explorers) {
            done(current.explorer(), layer, filter, insert);
            return;
        }
        NetworkInput fitted = fit(input, network);
        start("Running " + name + " on " + fitted.words() + "…", () -> NetworkPass.run(name, network, fitted, sources),
                layer, filter, insert);
    }

    /** Opens a model file in the background and shows its first convolution over the current frame's input. */
    void open(Path file, NetworkInput input) {
        String name = String.valueOf(file.getFileName());
        start("Opening " + name + "…", () -> {
            Network network = Models.load(file).network();
            return NetworkPass.run(name, network, fit(input, network), sources);
        }, -1, 0, false);
    }

    private void start(String what, Callable<NetworkPass> work, int layer, int filter, boolean insert) {
        long id = ++requested;
        say.accept(what, false);
        Task<NetworkPass> task = new Task<>() {
            @Override
            protected NetworkPass call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            if (id == requested) done(task.getValue(), layer, filter, insert);
        });
        task.setOnFailed(e -> {
            if (id != requested) return;
            Throwable t = task.getException();
            say.accept(t.getMessage() == null ? t.toString() : t.getMessage(), true);
        });
        Thread.ofPlatform().name("convscope-lecture-network").daemon().start(task);
    }

    /** Shows the pass at the layer and filter asked for, or the nearest ones the model has. */
    private void done(NetworkPass pass, int layer, int filter, boolean insert) {
        requested++;
        List<Integer> convs = LayerConv.convolutions(pass.network().spec());
        if (convs.isEmpty()) {
            say.accept(pass.model() + " has no convolution to step through", true);
            return;
        }
        int l = convs.contains(layer) ? layer : convs.getFirst();
        int filters = ((ConvSpec) pass.network().spec().layers().get(l)).filters();
        LayerStepper s = LayerStepper.start(LayerConv.of(pass, l, Math.clamp(filter, 0, filters - 1)));
        say.accept("", false);
        if (insert || !(model.stepper() instanceof LayerStepper)) model.insert(new Frame("", "", s));
        else model.replace(s);
    }

    /** The input made to fit the network: given numbers of another size and a preprocessing for others replaced. */
    static NetworkInput fit(NetworkInput input, Network network) {
        if (input instanceof NetworkInput.Given g && g.values().length != network.input().size()) {
            return standardInput(network);
        }
        Preprocessing p = input.preprocessing();
        return p == null || p.fits(network.input()) ? input : input.with(Preprocessing.defaultFor(network.input()));
    }

    /** What a model is shown with when nothing else fits: test digit 0 for digit models, else the colour pattern. */
    static NetworkInput standardInput(Network network) {
        Preprocessing p = Preprocessing.defaultFor(network.input());
        return DigitInput.takesDigits(network.input()) ? new NetworkInput.TestDigit(0, p) : new NetworkInput.Pattern(p);
    }
}
