package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.Notation;

/**
 * A convolution's output so far, every map: numbers while they are readable, else heatmaps with a legend. The current
 * cell is outlined; in predict mode it shows "?" (or stays empty in a heatmap) without a tint that would give its value
 * away. A click on a cell jumps to the step that writes it.
 */
final class ConvOutput {
    private ConvOutput() {}

    /** The output's heading, and its maps with their legend. */
    record Pieces(Block heading, Block maps) {
        /** Heading over "→" and the maps, the arrow beside the maps' middle. */
        Block withArrow() {
            return Blocks.column(0.35, Blocks.Align.START, heading,
                    Blocks.row(Parts.GAP, Blocks.Align.CENTER, Parts.operator("→"), maps));
        }
    }

    static Pieces of(ConvStepper s, ConvFacts facts, boolean concealed, FrameActions actions) {
        if (s.outputDims().isEmpty()) {
            return new Pieces(Parts.heading("output"),
                    Blocks.text("nothing fits", Parts.SUM, Item.Face.SANS_BOLD, Ink.PROBLEM, "problem"));
        }
        Dims d = s.outputDims().get();
        int plane = d.height() * d.width();
        float[] values = s.output();
        int current = s.position() - 1;
        if (concealed && current >= 0) values[current] = Float.NaN;
        boolean readable = Math.max(d.height(), d.width()) <= Parts.READABLE;
        int perRow = d.channels() <= 3 ? 1 : 2;
        double side = d.channels() == 1 ? Parts.HEAT_SIDE : Parts.HEAT_SIDE * 0.7;
        double cell = readable ? 1 : side / Math.max(d.height(), d.width());
        List<List<Block>> table = new ArrayList<>();
        List<Block> line = new ArrayList<>();
        for (int f = 0; f < d.channels(); f++) {
            GridBlock g = readable ? GridBlock.numbers(d.height(), d.width(), facts.outputChars())
                    : GridBlock.heat(d.height(), d.width(), cell, values, f * plane, facts.outputRange(), Item.Tint.DIVERGING);
            for (int i = 0; i < plane; i++) {
                int index = f * plane + i;
                Parts.result(g, i, d.width(), values[index], index == current, concealed, readable, facts.style(),
                        facts.outputRange(), () -> actions.jumpTo(index + 1));
            }
            Block map = d.channels() == 1 ? g : Blocks.column(0.15, Blocks.Align.START,
                    Parts.heading("map " + (f + 1)), g);
            line.add(map);
            if (line.size() == perRow) {
                table.add(line);
                line = new ArrayList<>();
            }
        }
        if (!line.isEmpty()) table.add(line);
        Block maps = Blocks.table(table, Parts.GAP, 0.4, Blocks.Align.START, Blocks.Align.START);
        Block legend = readable ? null : Parts.legend(facts.outputRange(), Item.Tint.DIVERGING, v -> facts.style().format(v));
        return new Pieces(Parts.heading("output " + Notation.size(d.height(), d.width(), d.channels())),
                Blocks.column(0.35, Blocks.Align.START, maps, legend));
    }
}
