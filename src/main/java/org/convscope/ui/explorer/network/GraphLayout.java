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
 * A long network wraps into bands, one under the other, each at most a given width: a band ends after a rank that
 * every edge leaving it crosses to the next rank alone (after a residual block's add, not inside the block) where
 * there is one, else, for a block wider than a band, inside the block. An edge into the next band goes round below
 * its band and back along the left margin, then into its target at its height (the first rank of the band) or along
 * a lane above the band's rows to the gap before its target. Coordinates are of the nodes' top-left corners; all
 * nodes are cardWidth×cardHeight.
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
    /** Gap between bands, where wrapping edges run back to the left. */
    static final double BAND_GAP = 40;

    /** A node: its layer (−1: the input), rank (column), row, and top-left corner. */
    public record Place(int layer, int rank, int row, double x, double y) {}

    /**
     * An edge from one node's right side (x0, y0) to another's left side (x1, y1). {@code laneY} is NaN for a curve
     * through a single gap; else the height at which the edge runs across the ranks between (the source's row or a
     * lane above the rows), then turns into the target in the gap before it; or, for an edge into the next band
     * ({@code wraps}), the height of the gap below its source's band, along which it runs back to the left margin.
     * {@code entryY}, for an edge into the next band only: NaN when it enters its target (the band's first rank) from
     * the margin at the target's height, else the lane above the target's band along which it runs to the gap before
     * its target.
     */
    public record Edge(int from, int to, double x0, double y0, double x1, double y1, double laneY, boolean wraps,
                       double entryY) {
        /** Whether the edge runs across ranks between its ends, in one band. */
        public boolean isLong() {
            return !Double.isNaN(laneY) && !wraps;
        }
    }

    /** The layout of a network's graph with nodes of the given size, in one band. */
    public static GraphLayout of(NetworkSpec spec, double cardWidth, double cardHeight) {
        return of(spec, cardWidth, cardHeight, Double.POSITIVE_INFINITY);
    }

    /** The same, wrapped into bands of at most {@code bandWidth} where the graph allows a break. */
    public static GraphLayout of(NetworkSpec spec, double cardWidth, double cardHeight, double bandWidth) {
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
        int ranks = 0;
        for (int r : rank) ranks = Math.max(ranks, r + 1);
        int[] bandStart = bands(spec, rank, ranks, Math.max(1, (int) Math.floor((bandWidth - MARGIN + GAP_X) / stepX)));
        int[] bandOf = new int[ranks];
        for (int b = 0; b < bandStart.length; b++) {
            int end = b + 1 < bandStart.length ? bandStart[b + 1] : ranks;
            for (int r = bandStart[b]; r < end; r++) bandOf[r] = b;
        }
        // Routes first (in units of rows), then the lanes above each band's rows decide where its row 0 starts.
        List<int[]> longEdges = new ArrayList<>(); // {from, to, lane or −1 for the source's row}
        List<List<double[]>> laneSpans = new ArrayList<>(); // per band, per lane: spans, flattened as pairs
        for (int b = 0; b < bandStart.length; b++) laneSpans.add(new ArrayList<>());
        List<int[]> shortEdges = new ArrayList<>();
        List<int[]> crossing = new ArrayList<>(); // {from, to, lane in the target's band or −1 for the margin}
        for (int i = 0; i < n; i++) {
            for (int s : spec.sourcesOf(i)) {
                int from = rank[s + 1];
                int to = rank[i + 1];
                int into = bandOf[to];
                if (bandOf[from] != into) {
                    int start = bandStart[into];
                    crossing.add(new int[] {s, i, to == start ? -1 : lane(laneSpans.get(into), start - 1, to)});
                    continue;
                }
                if (to - from <= 1) {
                    shortEdges.add(new int[] {s, i});
                    continue;
                }
                boolean rowFree = true;
                for (int k = from + 1; k < to && rowFree; k++) {
                    rowFree = !taken.getOrDefault(k, List.of()).contains(row[s + 1]);
                }
                longEdges.add(new int[] {s, i, rowFree ? -1 : lane(laneSpans.get(bandOf[from]), from, to)});
            }
        }
        double[] bandTop = new double[bandStart.length];
        double[] bandRows = new double[bandStart.length]; // where a band's row 0 starts
        double[] bandBottom = new double[bandStart.length];
        double y = 0;
        for (int b = 0; b < bandStart.length; b++) {
            int lanes = laneSpans.get(b).size();
            bandTop[b] = y;
            bandRows[b] = y + lanes * LANE + (lanes == 0 ? 0 : GAP_Y / 2);
            int rows = 0;
            for (int i = -1; i < n; i++) if (bandOf[rank[i + 1]] == b) rows = Math.max(rows, row[i + 1] + 1);
            bandBottom[b] = bandRows[b] + rows * stepY - GAP_Y;
            y = bandBottom[b] + BAND_GAP;
        }
        List<Place> places = new ArrayList<>(n + 1);
        double width = 0;
        for (int i = -1; i < n; i++) {
            int r = rank[i + 1];
            int b = bandOf[r];
            double x = MARGIN + (r - bandStart[b]) * stepX;
            places.add(new Place(i, r, row[i + 1], x, bandRows[b] + row[i + 1] * stepY));
            width = Math.max(width, x + cardWidth);
        }
        List<Edge> edges = new ArrayList<>();
        for (int[] e : shortEdges) edges.add(edge(places, e[0], e[1], Double.NaN, false, Double.NaN, cardWidth, cardHeight));
        for (int[] e : longEdges) {
            Place source = places.get(e[0] + 1);
            double top = bandRows[bandOf[source.rank()]];
            double laneY = e[2] < 0 ? source.y() + cardHeight / 2 : top - GAP_Y / 2 - e[2] * LANE;
            edges.add(edge(places, e[0], e[1], laneY, false, Double.NaN, cardWidth, cardHeight));
        }
        for (int[] e : crossing) {
            int b = bandOf[rank[e[0] + 1]];
            double entry = e[2] < 0 ? Double.NaN : bandRows[bandOf[rank[e[1] + 1]]] - GAP_Y / 2 - e[2] * LANE;
            edges.add(edge(places, e[0], e[1], bandBottom[b] + BAND_GAP / 2, true, entry, cardWidth, cardHeight));
        }
        return new GraphLayout(List.copyOf(places), List.copyOf(edges), width + GAP_X / 2,
                bandBottom[bandBottom.length - 1]);
    }

    /** Room on the left for the edges that wrap into a band. */
    static final double MARGIN = GAP_X / 2;

    /**
     * The first rank of every band: as many ranks as fit, the band ending after the last rank that may end one (all
     * edges across the break start at it and end in the next rank); a band with no such rank (a block wider than a
     * band) ends where it is full.
     */
    private static int[] bands(NetworkSpec spec, int[] rank, int ranks, int perBand) {
        boolean[] breakable = new boolean[ranks]; // a band may end after rank r
        java.util.Arrays.fill(breakable, true);
        breakable[ranks - 1] = false;
        for (int i = 0; i < spec.layers().size(); i++) {
            for (int s : spec.sourcesOf(i)) {
                int from = rank[s + 1];
                int to = rank[i + 1];
                if (to - from > 1) for (int r = from; r < to; r++) breakable[r] = false;
            }
        }
        int[] nextBreak = new int[ranks]; // the first rank at or after r that may end a band (the last rank: none)
        nextBreak[ranks - 1] = ranks - 1;
        for (int r = ranks - 2; r >= 0; r--) nextBreak[r] = breakable[r] ? r : nextBreak[r + 1];
        List<Integer> starts = new ArrayList<>(List.of(0));
        int start = 0;
        int lastBreak = -1;
        for (int r = 0; r < ranks; r++) {
            if (r - start + 1 > perBand) {
                // After the last clean break, unless what follows it is itself too wide for a band: then a band ending
                // early would only leave a gap, the block being broken inside anyway.
                boolean clean = lastBreak >= start && nextBreak[lastBreak + 1] - lastBreak <= perBand;
                start = clean ? lastBreak + 1 : r;
                starts.add(start);
                lastBreak = -1;
                r = start - 1;
                continue;
            }
            if (breakable[r]) lastBreak = r;
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The place of a layer (−1: the input). */
    public Place place(int layer) {
        return places.get(layer + 1);
    }

    private static Edge edge(List<Place> places, int from, int to, double laneY, boolean wraps, double entryY, double w,
                             double h) {
        Place a = places.get(from + 1);
        Place b = places.get(to + 1);
        return new Edge(from, to, a.x() + w, a.y() + h / 2, b.x(), b.y() + h / 2, laneY, wraps, entryY);
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
