package org.convscope.ui.lecture.diagram;

import java.util.List;

/** Blocks that arrange other blocks, and the simple ones: text, space. */
public final class Blocks {
    private Blocks() {}

    /** How blocks of different heights line up in a row, or of different widths in a column. */
    public enum Align { START, CENTER, END }

    /** A block drawn by a lambda. */
    @FunctionalInterface
    public interface Drawer {
        void draw(Sketch sketch, double x, double y);
    }

    public static Block of(double width, double height, Drawer drawer) {
        return new Block() {
            @Override
            public double width() {
                return width;
            }

            @Override
            public double height() {
                return height;
            }

            @Override
            public void draw(Sketch sketch, double x, double y) {
                drawer.draw(sketch, x, y);
            }
        };
    }

    /**
     * One line of text; its width is that of {@code reserve} (at least), so that a line whose numbers change from
     * step to step keeps one size.
     */
    public static Block text(String text, double size, Item.Face face, Ink ink, Item.Align align, String role,
                             String reserve) {
        double width = size * Math.max(Measure.width(text, face), reserve == null ? 0 : Measure.width(reserve, face));
        double height = size * 1.3;
        return of(width, height, (s, x, y) -> {
            double tx = switch (align) {
                case LEFT -> x;
                case CENTER -> x + width / 2;
                case RIGHT -> x + width;
            };
            if (!text.isEmpty()) s.add(new Item.Text(tx, y + height / 2, text, size, face, ink, align, role));
        });
    }

    public static Block text(String text, double size, Item.Face face, Ink ink, String role) {
        return text(text, size, face, ink, Item.Align.LEFT, role, null);
    }

    /** Blocks side by side, {@code gap} apart, lined up by {@code align}. */
    public static Block row(double gap, Align align, List<Block> blocks) {
        List<Block> parts = blocks.stream().filter(b -> b != null).toList();
        double width = Math.max(0, parts.stream().mapToDouble(Block::width).sum() + gap * (parts.size() - 1));
        double height = parts.stream().mapToDouble(Block::height).max().orElse(0);
        return of(width, height, (s, x, y) -> {
            double at = x;
            for (Block b : parts) {
                b.draw(s, at, y + offset(align, height, b.height()));
                at += b.width() + gap;
            }
        });
    }

    public static Block row(double gap, Align align, Block... blocks) {
        return row(gap, align, java.util.Arrays.asList(blocks));
    }

    /** Blocks one under the other, {@code gap} apart, lined up by {@code align}. */
    public static Block column(double gap, Align align, List<Block> blocks) {
        List<Block> parts = blocks.stream().filter(b -> b != null).toList();
        double height = Math.max(0, parts.stream().mapToDouble(Block::height).sum() + gap * (parts.size() - 1));
        double width = parts.stream().mapToDouble(Block::width).max().orElse(0);
        return of(width, height, (s, x, y) -> {
            double at = y;
            for (Block b : parts) {
                b.draw(s, x + offset(align, width, b.width()), at);
                at += b.height() + gap;
            }
        });
    }

    public static Block column(double gap, Align align, Block... blocks) {
        return column(gap, align, java.util.Arrays.asList(blocks));
    }

    /** The block in a box of at least the given size, placed by the alignments. */
    public static Block boxed(Block b, double width, double height, Align horizontal, Align vertical) {
        double w = Math.max(width, b.width());
        double h = Math.max(height, b.height());
        return of(w, h, (s, x, y) -> b.draw(s, x + offset(horizontal, w, b.width()), y + offset(vertical, h, b.height())));
    }

    /**
     * A block that may reach past its cell in a {@link #table}, into the columns to its right (a heading over a narrow
     * grid): it does not widen its column, only the table when it reaches past the table's last column.
     */
    public record Overhang(Block inner) implements Block {
        @Override
        public double width() {
            return inner.width();
        }

        @Override
        public double height() {
            return inner.height();
        }

        @Override
        public void draw(Sketch sketch, double x, double y) {
            inner.draw(sketch, x, y);
        }
    }

    /**
     * Blocks in rows and columns: every column as wide as its widest block, every row as tall as its tallest; each
     * block placed in its cell by the alignments ({@link Overhang}s start at their cell's left). Null cells stay
     * empty; rows may be shorter than others.
     */
    public static Block table(List<List<Block>> rows, double hgap, double vgap, Align horizontal, Align vertical) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        double[] widths = new double[cols];
        double[] heights = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Block b = rows.get(r).get(c);
                if (b == null) continue;
                if (!(b instanceof Overhang)) widths[c] = Math.max(widths[c], b.width());
                heights[r] = Math.max(heights[r], b.height());
            }
        }
        // An overhang may reach up to the next cell of its row: widen the last column it spans if it needs more.
        for (List<Block> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (!(row.get(c) instanceof Overhang o)) continue;
                int next = c + 1;
                while (next < row.size() && row.get(next) == null) next++;
                if (next >= cols) continue;
                double room = -hgap;
                for (int k = c; k < next; k++) room += widths[k] + hgap;
                if (o.width() > room) widths[next - 1] += o.width() - room + hgap;
            }
        }
        double[] lefts = new double[cols];
        for (int c = 1; c < cols; c++) lefts[c] = lefts[c - 1] + widths[c - 1] + hgap;
        double width = cols == 0 ? 0 : lefts[cols - 1] + widths[cols - 1];
        for (List<Block> row : rows) {
            for (int c = 0; c < row.size(); c++) if (row.get(c) instanceof Overhang o) width = Math.max(width, lefts[c] + o.width());
        }
        double height = java.util.Arrays.stream(heights).sum() + vgap * Math.max(0, rows.size() - 1);
        return of(width, height, (s, x, y) -> {
            double top = y;
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Block b = rows.get(r).get(c);
                    if (b == null) continue;
                    double dx = b instanceof Overhang ? 0 : offset(horizontal, widths[c], b.width());
                    b.draw(s, x + lefts[c] + dx, top + offset(vertical, heights[r], b.height()));
                }
                top += heights[r] + vgap;
            }
        });
    }

    private static double offset(Align align, double outer, double inner) {
        return switch (align) {
            case START -> 0;
            case CENTER -> (outer - inner) / 2;
            case END -> outer - inner;
        };
    }
}
