package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convscope.lecture.Notation;
import org.convscope.lecture.NetworkStepper;

/**
 * A network's volumes as a table that fills one layer per step: each layer's operation, the formula of its output
 * size with its numbers, the volume (height × width × depth) and the parameters with their formula; the running
 * total below. Rows not reached yet keep their room, so the table keeps its size.
 */
final class NetworkDiagram {
    private static final double SIZE = 0.75;

    private NetworkDiagram() {}

    static List<Diagram> arrangements(NetworkStepper s, boolean concealed) {
        List<NetworkStepper.Row> rows = s.rows();
        List<List<Block>> table = new ArrayList<>();
        table.add(List.of(cell("layer", null, Item.Face.SANS_BOLD, Ink.MUTED, true),
                cell("operation", null, Item.Face.SANS_BOLD, Ink.MUTED, true),
                cell("output size", null, Item.Face.SANS_BOLD, Ink.MUTED, true),
                cell("volume", null, Item.Face.SANS_BOLD, Ink.MUTED, true),
                cell("parameters", null, Item.Face.SANS_BOLD, Ink.MUTED, true)));
        table.add(List.of(cell("input", null, Item.Face.SANS_BOLD, Ink.TEXT, true), cell("", null, Item.Face.SANS, Ink.TEXT, true),
                cell("", null, Item.Face.MONO, Ink.TEXT, true),
                cell(Notation.size(s.network().input()), null, Item.Face.MONO, Ink.TEXT, true),
                cell("", null, Item.Face.MONO, Ink.TEXT, true)));
        for (int i = 0; i < rows.size(); i++) {
            NetworkStepper.Row r = rows.get(i);
            boolean shown = i < s.position();
            boolean current = i == s.position() - 1;
            boolean hidden = current && concealed;
            Ink ink = current ? Ink.ACCENT : Ink.TEXT;
            String params = r.parameterFormula().equals("none") ? "none" : r.parameterFormula();
            table.add(List.of(cell(r.name(), null, Item.Face.SANS_BOLD, ink, shown),
                    cell(r.operation(), null, Item.Face.SANS, ink, shown),
                    cell(hidden ? "?" : r.sizeFormula(), r.sizeFormula(), Item.Face.MONO, ink, shown),
                    cell(hidden ? "?" : Notation.size(r.output()), Notation.size(r.output()), Item.Face.MONO, ink, shown),
                    cell(hidden ? "?" : params, params, Item.Face.MONO, ink, shown)));
        }
        long total = s.at(s.count()).parametersSoFar();
        String so = String.format(Locale.ROOT, "%,d", s.parametersSoFar());
        table.add(List.of(cell("total", null, Item.Face.SANS_BOLD, Ink.TEXT, true), cell("", null, Item.Face.SANS, Ink.TEXT, true),
                cell("", null, Item.Face.MONO, Ink.TEXT, true), cell("", null, Item.Face.MONO, Ink.TEXT, true),
                cell(concealed && s.position() > 0 ? "?" : so, String.format(Locale.ROOT, "%,d", total), Item.Face.MONO,
                        Ink.ACCENT, true)));
        Block grid = Blocks.table(table, 1.0, 0.25, Blocks.Align.START, Blocks.Align.CENTER);
        int shownRows = s.position();
        Block lines = Blocks.of(grid.width(), grid.height(), (sk, x, y) -> {
            grid.draw(sk, x, y);
            double rowHeight = (grid.height() + 0.25) / table.size();
            double under = y + rowHeight * 2 - 0.125;
            sk.add(new Item.Line(x, y + rowHeight - 0.125, x + grid.width(), y + rowHeight - 0.125, Ink.GRID, 0.04, false));
            sk.add(new Item.Line(x, y + rowHeight * (table.size() - 1) - 0.125, x + grid.width(),
                    y + rowHeight * (table.size() - 1) - 0.125, Ink.GRID, 0.04, false));
            if (shownRows > 0) {
                double top = under + rowHeight * (shownRows - 1);
                sk.focus(new Rect(x, top, grid.width(), rowHeight));
            }
        });
        return List.of(Sketch.of(lines, 0.5));
    }

    /** A table cell: its text when the row is shown, always the room of {@code reserve}. */
    private static Block cell(String text, String reserve, Item.Face face, Ink ink, boolean shown) {
        return Blocks.text(shown ? text : "", SIZE, face, ink, Item.Align.LEFT, "table",
                reserve == null ? text : reserve.length() > text.length() ? reserve : text);
    }
}
