package org.convscope.ui.explorer.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convscope.engine.spec.NetworkSpec;

/**
 * Where the nodes of a network graph go: layered left to right by longest path from the input (a node's rank is one
 * more than its latest source's), each node in the row of its first source when that row is free in its rank (so a
 * chain stays on one line and a branch opens a row below), and every edge routed so that it crosses no node: between
 * neighbouring ranks a curve through the gap; over longer spans along the source's row when no node of the ranks
 * between sits there, else along a lane above all rows, lanes stacked so that overlapping spans do not share one.
 * Coordinates are of the nodes' top-left corners; all nodes are cardWidth×cardHeight.
 *
 * @param places one per node, the input (layer −1) first, then layer 0, 1, … in order
 * @param edges  one per source of every layer
 * @param width  of the whole drawing
 * @param height of the whole drawing
 */
public record GraphLayout(List<Place> places, List<Edge> edges, double width, double height) {
    /** Gap between ranks, wide enough for a curve to turn. */
    static final double GAP_X = 44;
    /** Gap between rows. */
    static final double GAP_Y = 30;
    /** Distance between stacked lanes above the rows. */
    static final double LANE = 14;

    /** A node: its layer (−1: the input), rank (column), row, and top-left corner. */
    public record Place(int layer, int rank, int row, double x, double y) {}

    /**
     * An edge from one node's right side (x0, y0) to another's left side (x1, y1). {@code laneY} is NaN for a curve
     * through a single gap; else the height at which the edge runs across the ranks between (the source's row or a
     * lane above the rows), then turns into the target in the gap before it.
     */
    public record Edge(int from, int to, double x0, double y0, double x1, double y1, double laneY) {
        /** Whether the edge runs across ranks between its ends. */
        public boolean isLong() {
            return !Double.isNaN(laneY);
        }
    }

    /** The layout of a network's graph with nodes of the given size. */
    public static GraphLayout of(NetworkSpec spec, double cardWidth, double cardHeight) {
        int n = spec.layers().size();
        int[] rank = new int[n + 1];  // [layer + 1]
        int[] row = new int[n + 1];
        Map<Integer, List<Integer>> taken = new HashMap<>(); // rank → rows used
        taken.put(0, new ArrayList<>(List.of(0)));
        for (int i = 0; i < n; i++) {
            List<Integer> sources = spec.sourcesOf(i);
            int r = 0;
            for (int s : sources) r = Math.max(r, rank[s + 1] + 1);
            rank[i + 1] = r;
            List<Integer> used = taken.computeIfAbsent(r, k -> new ArrayList<>());
            row[i + 1] = freeRow(used, row[sources.get(0) + 1]);
            used.add(row[i + 1]);
        }
        double stepX = cardWidth + GAP_X;
        double stepY = cardHeight + GAP_Y;
        // Routes first (in units of rows), then the lanes above the rows decide where row 0 starts.
        List<int[]> longEdges = new ArrayList<>(); // {from, to, lane or −1 for the source's row}
        List<double[]> laneSpans = new ArrayList<>(); // per lane: a list of spans, flattened as pairs
        List<int[]> shortEdges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int s : spec.sourcesOf(i)) {
                int from = rank[s + 1];
                int to = rank[i + 1];
                if (to - from <= 1) {
                    shortEdges.add(new int[] {s, i});
                    continue;
                }
                boolean rowFree = true;
                for (int k = from + 1; k < to && rowFree; k++) {
                    rowFree = !taken.getOrDefault(k, List.of()).contains(row[s + 1]);
                }
                longEdges.add(new int[] {s, i, rowFree ? -1 : lane(laneSpans, from, to)});
            }
        }
        double top = laneSpans.size() * LANE + (laneSpans.isEmpty() ? 0 : GAP_Y / 2);
        List<Place> places = new ArrayList<>(n + 1);
        int rows = 0;
        for (int i = -1; i < n; i++) {
            places.add(new Place(i, rank[i + 1], row[i + 1], rank[i + 1] * stepX, top + row[i + 1] * stepY));
            rows = Math.max(rows, row[i + 1] + 1);
        }
        List<Edge> edges = new ArrayList<>();
        for (int[] e : shortEdges) edges.add(edge(places, e[0], e[1], Double.NaN, cardWidth, cardHeight));
        for (int[] e : longEdges) {
            Place source = places.get(e[0] + 1);
            double laneY = e[2] < 0 ? source.y() + cardHeight / 2 : top - GAP_Y / 2 - e[2] * LANE;
            edges.add(edge(places, e[0], e[1], laneY, cardWidth, cardHeight));
        }
        int ranks = 0;
        for (int r : rank) ranks = Math.max(ranks, r + 1);
        return new GraphLayout(List.copyOf(places), List.copyOf(edges), ranks * stepX - GAP_X, top + rows * stepY - GAP_Y);
    }

    /** The place of a layer (−1: the input). */
    public Place place(int layer) {
        return places.get(layer + 1);
    }

    private static Edge edge(List<Place> places, int from, int to, double laneY, double w, double h) {
        Place a = places.get(from + 1);
        Place b = places.get(to + 1);
        return new Edge(from, to, a.x() + w, a.y() + h / 2, b.x(), b.y() + h / 2, laneY);
    }

    /** The wanted row if free, else the nearest free one below it, else above. */
    private static int freeRow(List<Integer> used, int wanted) {
        for (int d = 0; ; d++) {
            if (!used.contains(wanted + d)) return wanted + d;
            if (wanted - d >= 0 && !used.contains(wanted - d)) return wanted - d;
        }
    }

    /** The lowest lane whose spans do not overlap ranks [from, to]; taken for that span. */
    private static int lane(List<double[]> lanes, int from, int to) {
        for (int l = 0; ; l++) {
            if (l == lanes.size()) lanes.add(new double[0]);
            double[] spans = lanes.get(l);
            boolean free = true;
            for (int k = 0; k < spans.length && free; k += 2) free = to <= spans[k] || from >= spans[k + 1];
            if (free) {
                double[] more = java.util.Arrays.copyOf(spans, spans.length + 2);
                more[spans.length] = from;
                more[spans.length + 1] = to;
                lanes.set(l, more);
                return l;
            }
        }
    }
}
