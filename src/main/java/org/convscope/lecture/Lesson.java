package org.convscope.lecture;

import java.util.List;

/** A lecture as a sequence of frames, advanced with one key. */
public record Lesson(String title, List<Frame> frames) {
    public Lesson {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) throw new IllegalArgumentException("lesson \"" + title + "\" has no frames");
    }

    public Frame frame(int i) {
        return frames.get(i);
    }

    public int size() {
        return frames.size();
    }
}
