package org.convscope.ui.lecture.diagram;

/**
 * A rectangular part of a diagram that knows its size before it is drawn: sizes come from what the frame can ever
 * show, not from the current step, so a frame keeps its size while it steps.
 */
public interface Block {
    double width();

    double height();

    /** Draws the block with its top-left corner at (x, y). */
    void draw(Sketch sketch, double x, double y);
}
