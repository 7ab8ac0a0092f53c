package org.convscope.ui.lecture;

import java.util.List;
import javafx.geometry.Point2D;
import org.convscope.ui.lecture.diagram.Diagram;
import org.convscope.ui.lecture.diagram.DiagramView;

/** Where on the screen a diagram's clickable cells and drawn texts are, for robot clicks in tests. */
final class DiagramClicks {
    private DiagramClicks() {}

    /** The hits of one kind in the diagram drawn last, in drawing order. */
    static <T extends Diagram.Hit> List<T> hits(DiagramView view, Class<T> kind) {
        return view.shown().hits().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The screen point of a hit's middle. */
    static Point2D screen(DiagramView view, Diagram.Hit hit) {
        Point2D local = view.toView(hit.rect().centerX(), hit.rect().centerY());
        return view.localToScreen(local);
    }

    /** The texts drawn in a role ("current", "sum", …), in drawing order. */
    static List<String> texts(DiagramView view, String role) {
        return view.drawn().stream().filter(d -> role.equals(d.role())).map(DiagramView.Drawn::text).toList();
    }
}
