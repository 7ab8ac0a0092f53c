package org.convscope.ui.explorer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.open.Models;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The graph layout of real graphs (a residual block with BatchNorm, MobileNet blocks with depthwise convolutions and
 * squeeze-excitation, SqueezeNet fire modules with concatenation, LeNet as a sequence): every node placed once, an
 * edge for every source, no two nodes overlapping, every edge from left to right, and no edge through a node.
 */
class GraphLayoutTest {
    private static final double W = 172;
    private static final double H = 168;

    @ParameterizedTest
    @ValueSource(strings = {"resblock", "mobile", "fire", "lenet"})
    void everyNodePlacedEveryEdgeDrawnNothingCrossed(String fixture) throws Exception {
        NetworkSpec spec = Models.load(Path.of("src/test/resources/onnx", fixture, "model.onnx")).network().spec();
        check(spec, GraphLayout.of(spec, W, H));
        GraphLayout wrapped = GraphLayout.of(spec, W, H, 1000);
        check(spec, wrapped);
        if (!fixture.equals("lenet")) {
            assertTrue(wrapped.edges().stream().anyMatch(GraphLayout.Edge::wraps), fixture + " wraps into bands");
            assertTrue(wrapped.height() > GraphLayout.of(spec, W, H).height(), "bands one under the other");
        }
    }

    private static void check(NetworkSpec spec, GraphLayout layout) {
        int n = spec.layers().size();

        assertEquals(n + 1, layout.places().size(), "the input and every layer");
        for (int i = -1; i < n; i++) assertEquals(i, layout.place(i).layer());

        Set<List<Integer>> expected = new HashSet<>();
        for (int i = 0; i < n; i++) for (int s : spec.sourcesOf(i)) expected.add(List.of(s, i));
        Set<List<Integer>> drawn = new HashSet<>();
        for (GraphLayout.Edge e : layout.edges()) drawn.add(List.of(e.from(), e.to()));
        assertEquals(expected, drawn, "one edge per source of every layer");
        assertEquals(expected.size(), layout.edges().size());

        for (GraphLayout.Place a : layout.places()) {
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.x() + W <= layout.width() + 1e-9 && a.y() + H <= layout.height() + 1e-9,
                    "node " + a.layer() + " inside the drawing");
            for (GraphLayout.Place b : layout.places()) {
                if (a == b) continue;
                boolean apart = a.x() + W <= b.x() || b.x() + W <= a.x() || a.y() + H <= b.y() || b.y() + H <= a.y();
                assertTrue(apart, "nodes " + a.layer() + " and " + b.layer() + " overlap");
            }
        }
        for (GraphLayout.Edge e : layout.edges()) {
            GraphLayout.Place from = layout.place(e.from());
            GraphLayout.Place to = layout.place(e.to());
            assertTrue(to.rank() > from.rank(), "edge " + e + " goes left to right");
            assertEquals(from.x() + W, e.x0(), 1e-9, "leaves its source's right side");
            assertEquals(to.x(), e.x1(), 1e-9, "enters its target's left side");
            if (e.wraps()) {
                assertTrue(to.y() > from.y(), "into a band below");
                for (GraphLayout.Place p : layout.places()) {
                    assertFalse(e.laneY() > p.y() && e.laneY() < p.y() + H, "wrapping edge through node " + p.layer());
                    if (Double.isNaN(e.entryY())) continue;
                    // Along a lane in the target's band: through no node between the margin and the target.
                    boolean before = p.x() < to.x() && p.y() + H > e.entryY() && p.y() < to.y() + H;
                    assertFalse(before && e.entryY() > p.y() && e.entryY() < p.y() + H,
                            "edge " + e.from() + "→" + e.to() + " enters its band through node " + p.layer());
                }
                if (Double.isNaN(e.entryY())) {
                    assertEquals(GraphLayout.MARGIN, to.x(), 1e-9, "from the margin into the band's first rank");
                } else {
                    assertTrue(e.entryY() < to.y(), "the lane is above the target");
                }
                continue;
            }
            if (!e.isLong()) {
                assertEquals(1, to.rank() - from.rank(), "a curve through one gap only joins neighbouring ranks");
                assertEquals(from.y(), to.y() - (to.row() - from.row()) * (H + GraphLayout.GAP_Y), 1e-9, "in one band");
                continue;
            }
            for (GraphLayout.Place p : layout.places()) {
                boolean between = p.rank() > from.rank() && p.rank() < to.rank();
                assertFalse(between && e.laneY() > p.y() && e.laneY() < p.y() + H,
                        "edge " + e.from() + "→" + e.to() + " runs through node " + p.layer());
            }
        }
    }

    /**
     * A block wider than the band (a residual or inverted-residual block of more ranks than fit, as ResNet-18's and
     * MobileNetV2's in a 1280-pixel window) is broken inside: every card lies within the width asked for.
     */
    @ParameterizedTest
    @ValueSource(strings = {"resblock", "mobile", "fire"})
    void blocksWiderThanABandAreWrappedInsideTheBandsWidth(String fixture) throws Exception {
        NetworkSpec spec = Models.load(Path.of("src/test/resources/onnx", fixture, "model.onnx")).network().spec();
        boolean brokeABlock = false;
        for (int cards = 1; cards <= 4; cards++) {
            double band = GraphLayout.MARGIN + cards * (W + GraphLayout.GAP_X) - GraphLayout.GAP_X;
            GraphLayout layout = GraphLayout.of(spec, W, H, band);
            check(spec, layout);
            for (GraphLayout.Place p : layout.places()) {
                assertTrue(p.x() + W <= band + 1e-9, fixture + " at " + cards + " cards a band: node " + p.layer()
                        + " ends at " + (p.x() + W) + ", beyond " + band);
            }
            brokeABlock |= layout.edges().stream().anyMatch(e -> e.wraps() && !Double.isNaN(e.entryY()));
        }
        // Fire modules are two ranks wide: only the residual blocks are wider than one card.
        assertTrue(brokeABlock || fixture.equals("fire"), fixture + ": a block wider than a band, its skip edge into the next band");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lenet"})
    void aSequenceIsOneRow(String fixture) throws Exception {
        NetworkSpec spec = Models.load(Path.of("src/test/resources/onnx", fixture, "model.onnx")).network().spec();
        GraphLayout layout = GraphLayout.of(spec, W, H);
        for (GraphLayout.Place p : layout.places()) {
            assertEquals(0, p.row());
            assertEquals(p.layer() + 1, p.rank());
        }
        assertTrue(layout.edges().stream().noneMatch(GraphLayout.Edge::isLong));
    }
}
