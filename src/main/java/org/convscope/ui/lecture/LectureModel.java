package org.convscope.ui.lecture;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.convscope.lecture.Frame;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.Stepper;

/**
 * The lecture's state: the lesson, the current frame with its stepper moved to the current step, playing or not, the
 * speed, and "predict, then reveal" (a step first shows its inputs with the result hidden, the next key reveals it).
 * Forward at the end of a frame goes on to the next frame, so one key walks through a whole lecture; back is its exact
 * inverse. A frame keeps its edits and its position while the lesson is open. A follow-up ("Then ReLU") is a step
 * too: it inserts a frame computed from the current one and moves there; back from that frame removes it and returns
 * to exactly where the lecture was.
 */
public final class LectureModel {
    /** Steps per second of the speed levels; + and − move between them. */
    static final double[] SPEEDS = {0.5, 1, 2, 4, 8, 16, 32, 64};

    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper frameIndex = new ReadOnlyIntegerWrapper(this, "frameIndex");
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyBooleanWrapper concealed = new ReadOnlyBooleanWrapper(this, "concealed");
    private final ReadOnlyBooleanWrapper predict = new ReadOnlyBooleanWrapper(this, "predict");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyIntegerWrapper speedLevel = new ReadOnlyIntegerWrapper(this, "speedLevel", 2);
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", SPEEDS[2]);
    private final Timeline timeline = new Timeline();

    private final List<Lesson> lessons;
    /** Every frame of the lesson as last left (edits and position kept while the lesson is open), follow-ups included. */
    private final List<Frame> frames = new ArrayList<>();
    /**
     * Per frame, the lowest position since it was opened: where it was entered, lowered by Home, a jump or a click.
     * ← at the floor leaves the frame, so a frame entered at step 3 (or "end") by → is left by ← from step 3, and
     * → then ← always come back to the same state, whatever position a frame opens at.
     */
    private final List<Integer> floors = new ArrayList<>();
    /** Per frame, for a follow-up the state of the frame before it when it was made (null for the lesson's frames). */
    private final List<Origin> followed = new ArrayList<>();

    /** Where a follow-up was made from: the frame before it at this position, its result hidden or not. */
    private record Origin(int position, boolean concealed) {}

    public LectureModel(Lesson lesson) {
        this(List.of(lesson));
    }

    /** A lecture over several lessons, opened at the first; {@link #open} switches. */
    public LectureModel(List<Lesson> lessons) {
        if (lessons.isEmpty()) throw new IllegalArgumentException("lecture mode needs at least one lesson");
        this.lessons = List.copyOf(lessons);
        Lesson first = this.lessons.getFirst();
        timeline.setCycleCount(Timeline.INDEFINITE);
        speedLevel.addListener((obs, old, level) -> {
            speed.set(SPEEDS[level.intValue()]);
            if (isPlaying()) restartTimeline();
        });
        open(first);
    }

    /** The lessons to choose from. */
    public List<Lesson> lessons() {
        return lessons;
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty frameIndexProperty() {
        return frameIndex.getReadOnlyProperty();
    }

    /** The current frame, its stepper at the current step. */
    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Whether the current step's result is hidden until the next key. */
    public ReadOnlyBooleanProperty concealedProperty() {
        return concealed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty predictProperty() {
        return predict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Steps per second while playing. */
    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty speedLevelProperty() {
        return speedLevel.getReadOnlyProperty();
    }

    public Frame frame() {
        return frame.get();
    }

    public Stepper<?> stepper() {
        return frame.get().stepper();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Opens a lesson at its first frame; every frame starts over as the lesson file has it. */
    public void open(Lesson l) {
        pause();
        frames.clear();
        floors.clear();
        followed.clear();
        for (Frame f : l.frames()) {
            frames.add(f);
            floors.add(f.stepper().position());
            followed.add(null);
        }
        lesson.set(l);
        showFrame(0, false);
    }

    /** One step forward: reveals a hidden result, else the next step, else the next frame. */
    public void forward() {
        if (concealed.get()) {
            concealed.set(false);
        } else if (!stepper().atEnd()) {
            setStepper(stepper().next());
            concealed.set(predict.get());
        } else if (frameIndex.get() < frames.size() - 1) {
            showFrame(frameIndex.get() + 1, false);
        }
    }

    /** How many frames the lecture has now: the lesson's and the follow-ups made. */
    public int frameCount() {
        return frames.size();
    }

    /**
     * A follow-up as a step: inserts {@code next} (e.g. ReLU of this frame's result) after the current frame and
     * moves to its start; back from there removes it again and restores this frame exactly as it is now.
     */
    public void follow(Frame next) {
        pause();
        int k = frameIndex.get();
        Origin from = new Origin(stepper().position(), concealed.get());
        dropFollowUpsAfter(k);
        frames.add(k + 1, next);
        floors.add(k + 1, next.stepper().position());
        followed.add(k + 1, from);
        showFrame(k + 1, false);
    }

    /**
     * Adds a frame made in the lecture (a real network's filter) after the current one, and after the follow-ups made
     * from it, and shows its start; it stays in the lecture while the lesson is open.
     */
    public void insert(Frame f) {
        pause();
        int at = frameIndex.get() + 1;
        while (at < frames.size() && followed.get(at) != null) at++;
        frames.add(at, f);
        floors.add(at, f.stepper().position());
        followed.add(at, null);
        showFrame(at, false);
    }

    /**
     * The exact inverse of {@link #forward()}: hides a result again in predict mode (forward had revealed it), else
     * the previous step, else, at the position the frame was entered at, the end of the previous frame.
     */
    public void back() {
        int k = frameIndex.get();
        if (concealed.get()) {
            setStepper(stepper().previous());
            concealed.set(false);
        } else if (stepper().position() > floors.get(k)) {
            if (predict.get()) concealed.set(true);
            else setStepper(stepper().previous());
        } else if (k > 0 && followed.get(k) != null) {
            Origin from = followed.get(k);
            dropFollowUpsAfter(k - 1);
            Frame before = frames.get(k - 1);
            frames.set(k - 1, before.with(before.stepper().at(from.position())));
            frameIndex.set(k - 1);
            concealed.set(from.concealed());
            frame.set(frames.get(k - 1));
        } else if (k > 0) {
            showFrame(k - 1, true);
        }
    }

    public void nextFrame() {
        if (frameIndex.get() < frames.size() - 1) showFrame(frameIndex.get() + 1, false);
    }

    public void previousFrame() {
        if (frameIndex.get() > 0) {
            dropFollowUpsAfter(frameIndex.get() - 1);
            showFrame(frameIndex.get() - 1, false);
        }
    }

    /** Removes the follow-ups right after frame k: they were made from it and leave with it. */
    private void dropFollowUpsAfter(int k) {
        while (k + 1 < frames.size() && followed.get(k + 1) != null) {
            frames.remove(k + 1);
            floors.remove(k + 1);
            followed.remove(k + 1);
        }
    }

    /** Back to the frame's first step. */
    public void reset() {
        pause();
        setStepper(stepper().reset());
        concealed.set(false);
    }

    /** Straight to a step, e.g. after a click on an output cell; the result shows at once. */
    public void jumpTo(int position) {
        setStepper(stepper().at(position));
        concealed.set(false);
    }

    /** Replaces the frame's computation, e.g. after a parameter change, starting from its first step. */
    public void replace(Stepper<?> s) {
        pause();
        concealed.set(false);
        setStepper(s.reset());
    }

    /**
     * Shows another step without it counting as a move (the frame's floor stays): for exports that render every step
     * and come back to where they started.
     */
    void preview(int position) {
        int k = frameIndex.get();
        frames.set(k, frame.get().with(stepper().at(position)));
        frame.set(frames.get(k));
    }

    /** Replaces the frame's computation by an edited one (e.g. a kernel cell typed in), staying at the same step. */
    public void edit(Stepper<?> s) {
        concealed.set(false);
        setStepper(s.at(stepper().position()));
    }

    /**
     * Shows the same computation another way (another page of a real network's channels) at the same step: a result
     * hidden for predict-then-reveal stays hidden.
     */
    public void view(Stepper<?> s) {
        setStepper(s.at(stepper().position()));
    }

    public void setPredict(boolean on) {
        predict.set(on);
        if (!on) concealed.set(false);
    }

    public void togglePlay() {
        if (isPlaying()) pause();
        else play();
    }

    public void play() {
        if (stepper().atEnd()) setStepper(stepper().reset());
        playing.set(true);
        restartTimeline();
    }

    public void pause() {
        timeline.stop();
        playing.set(false);
    }

    public void faster() {
        speedLevel.set(Math.min(SPEEDS.length - 1, speedLevel.get() + 1));
    }

    public void slower() {
        speedLevel.set(Math.max(0, speedLevel.get() - 1));
    }

    public void setSpeedLevel(int level) {
        speedLevel.set(Math.max(0, Math.min(SPEEDS.length - 1, level)));
    }

    private void restartTimeline() {
        timeline.stop();
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / speed.get()), e -> tick()));
        timeline.play();
    }

    /** One step of play; it stops at the frame's end rather than running into the next frame. */
    private void tick() {
        if (stepper().atEnd() && !concealed.get()) {
            pause();
        } else {
            forward();
        }
    }

    /** Frame {@code index} as last left, at its end or at its floor. */
    private void showFrame(int index, boolean atEnd) {
        Stepper<?> s = frames.get(index).stepper();
        frameIndex.set(index);
        concealed.set(false);
        frames.set(index, frames.get(index).with(s.at(atEnd ? s.count() : floors.get(index))));
        frame.set(frames.get(index));
    }

    private void setStepper(Stepper<?> s) {
        int k = frameIndex.get();
        frames.set(k, frame.get().with(s));
        floors.set(k, Math.min(floors.get(k), s.position()));
        frame.set(frames.get(k));
    }
}
