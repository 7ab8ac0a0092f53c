package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid of cells: numbers large enough to read (each cell as wide as the widest number the frame can ever put there,
 * so the grid keeps its size), or, for a large map, a heatmap with one pixel per cell. Cells may be tinted, clicked,
 * typed into or hovered; outlines mark windows and cells, and may reach past the edge (a filter hanging over it), in
 * space the grid reserves for them.
 */
public final class GridBlock implements Block {
    /** Font size of a cell's number, in cell heights. */
    public static final double NUMBER = 0.75;
    /** Room left and right of a number, in cell heights. */
    private static final double PAD_X = 0.3;

    /** An outline over cells (row, col) to (row + rows, col + cols); may lie partly outside the grid. */
    private record Region(int row, int col, int rows, int cols, Ink ink, double width, boolean dashed, boolean focus,
                          double least) {}

    private final int rows;
    private final int cols;
    private final double cellWidth;
    private final double cellHeight;
    private final Item.Heat heat;
    // Per cell, made when the first cell gets one: a heatmap of 224×224 cells mostly has none.
    private String[] texts;
    private Ink[] textInks;
    private String[] roles;
    private Ink[] fills;
    private double[] alphas;
    private Diagram.Hit[] hits;
    private String[] hovers;
    private final List<Region> regions = new ArrayList<>();
    private int extraRows;
    private int extraCols;

    private GridBlock(int rows, int cols, double cellWidth, double cellHeight, Item.Heat heat) {
        this.rows = rows;
        this.cols = cols;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.heat = heat;
    }

    /** A grid of numbers whose cells are wide enough for {@code chars} characters. */
    public static GridBlock numbers(int rows, int cols, int chars) {
        return new GridBlock(rows, cols, Math.max(1, Measure.monoWidth(chars) * NUMBER + PAD_X), 1, null);
    }

    /** A heatmap of {@code values[offset…]}, {@code cell} units per cell, tinted over ±range. */
    public static GridBlock heat(int rows, int cols, double cell, float[] values, int offset, float range, Item.Tint tint) {
        return new GridBlock(rows, cols, cell, cell, new Item.Heat(new Rect(0, 0, cols * cell, rows * cell), rows, cols,
                values, offset, range, tint));
    }

    public GridBlock text(int i, String text, Ink ink, String role) {
        if (texts == null) {
            texts = new String[rows * cols];
            textInks = new Ink[rows * cols];
            roles = new String[rows * cols];
        }
        texts[i] = text;
        textInks[i] = ink;
        roles[i] = role;
        return this;
    }

    public GridBlock tint(int i, Ink ink, double alpha) {
        if (fills == null) {
            fills = new Ink[rows * cols];
            alphas = new double[rows * cols];
        }
        fills[i] = ink;
        alphas[i] = alpha;
        return this;
    }

    public GridBlock onClick(int i, Runnable action) {
        if (hits == null) hits = new Diagram.Hit[rows * cols];
        hits[i] = new Diagram.Click(null, action);
        return this;
    }

    public GridBlock onEdit(int i, String text, Diagram.Commit commit) {
        if (hits == null) hits = new Diagram.Hit[rows * cols];
        hits[i] = new Diagram.Edit(null, text, commit);
        return this;
    }

    public GridBlock hover(int i, String text) {
        if (hovers == null) hovers = new String[rows * cols];
        hovers[i] = text;
        return this;
    }

    /** Outlines cells (row, col) to (row + rows, col + cols); {@code focus} keeps it in view when zoomed in. */
    public GridBlock outline(int row, int col, int h, int w, Ink ink, double width, boolean dashed, boolean focus) {
        regions.add(new Region(row, col, h, w, ink, width, dashed, focus, 0));
        return this;
    }

    /**
     * Marks one cell of a heatmap so it can be found: a square around it at least 0.7 units wide, however small the
     * cell; kept in view when zoomed in.
     */
    public GridBlock marker(int row, int col, Ink ink) {
        regions.add(new Region(row, col, 1, 1, ink, 0.12, false, true, 0.7));
        return this;
    }

    /**
     * Outlines cells (row, col) to (row + h, col + w) of a heatmap, at least {@code least} units wide and high however
     * small the cells (a window on a large map); {@code focus} keeps it in view when zoomed in.
     */
    public GridBlock window(int row, int col, int h, int w, Ink ink, double width, boolean dashed, boolean focus,
                            double least) {
        regions.add(new Region(row, col, h, w, ink, width, dashed, focus, least));
        return this;
    }

    /** Reserves room for outlines reaching {@code rows} rows below and {@code cols} columns right of the grid. */
    public GridBlock reserve(int rows, int cols) {
        extraRows = Math.max(extraRows, rows);
        extraCols = Math.max(extraCols, cols);
        return this;
    }

    /** The rectangle of cells (row, col) to (row + h, col + w) when the grid is drawn at (x, y). */
    public Rect cells(double x, double y, int row, int col, int h, int w) {
        return new Rect(x + col * cellWidth, y + row * cellHeight, w * cellWidth, h * cellHeight);
    }

    @Override
    public double width() {
        return (cols + extraCols) * cellWidth;
    }

    @Override
    public double height() {
        return (rows + extraRows) * cellHeight;
    }

    @Override
    public void draw(Sketch s, double x, double y) {
        Rect all = cells(x, y, 0, 0, rows, cols);
        for (int i = 0; fills != null && i < rows * cols; i++) {
            if (fills[i] != null && alphas[i] > 0) s.add(new Item.Fill(cell(x, y, i), fills[i], alphas[i]));
        }
        if (heat != null) {
            s.add(new Item.Heat(all, rows, cols, heat.values(), heat.offset(), heat.range(), heat.tint()));
        } else {
            for (int r = 1; r < rows; r++) s.add(new Item.Line(x, y + r, all.right(), y + r, Ink.GRID, 0.03, false));
            for (int c = 1; c < cols; c++) {
                s.add(new Item.Line(x + c * cellWidth, y, x + c * cellWidth, all.bottom(), Ink.GRID, 0.03, false));
            }
        }
        for (int i = 0; heat == null && texts != null && i < rows * cols; i++) {
            if (texts[i] == null || texts[i].isEmpty()) continue;
            Rect c = cell(x, y, i);
            s.add(new Item.Text(c.centerX(), c.centerY(), texts[i], NUMBER, Item.Face.MONO, textInks[i], Item.Align.CENTER,
                    roles[i]));
        }
        s.add(new Item.Outline(all, Ink.TEXT, 0.06, false));
        for (Region g : regions) {
            Rect r = cells(x, y, g.row, g.col, g.rows, g.cols);
            if (r.width() < g.least || r.height() < g.least) {
                double w = Math.max(r.width(), g.least);
                double h = Math.max(r.height(), g.least);
                r = new Rect(r.centerX() - w / 2, r.centerY() - h / 2, w, h);
            }
            s.add(new Item.Outline(r, g.ink, g.width, g.dashed));
            if (g.focus) s.focus(r);
        }
        for (int i = 0; i < rows * cols && (hits != null || hovers != null); i++) {
            Rect c = cell(x, y, i);
            switch (hits == null ? null : hits[i]) {
                case Diagram.Click k -> s.hit(new Diagram.Click(c, k.action()));
                case Diagram.Edit e -> s.hit(new Diagram.Edit(c, e.text(), e.commit()));
                case null, default -> { }
            }
            if (hovers != null && hovers[i] != null) s.hit(new Diagram.Hover(c, hovers[i]));
        }
    }

    private Rect cell(double x, double y, int i) {
        return cells(x, y, i / cols, i % cols, 1, 1);
    }
}
