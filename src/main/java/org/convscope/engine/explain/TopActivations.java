package org.convscope.engine.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.convscope.engine.Dims;
import org.convscope.engine.Workspace;
import org.convscope.engine.train.SampleSource;

/**
 * The images of a data set that excite a channel most: each image's strongest unit of the channel (its maximum over
 * the map), the k strongest images with where that unit sits and the input pixels it sees (its receptive field: the
 * patch to show).
 */
public final class TopActivations {
    /** Image {@code sample} of the data: the channel's maximum, at (y, x) of the map, seeing {@code region}. */
    public record Hit(int sample, float value, int y, int x, ReceptiveField.Region region) {}

    private TopActivations() {}

    /**
     * Scans the data with the workspace (in batches of its maxBatch) for the k images whose channel maximum is the
     * largest, largest first (ties: the earlier image first). {@code progress} hears how many images are done;
     * {@code cancelled} stops the scan early with what it has.
     */
    public static List<Hit> find(Workspace ws, SampleSource data, int layer, int channel, int k, IntConsumer progress,
                                 BooleanSupplier cancelled) {
        Dims maps = ws.network().layers().get(layer).output();
        if (channel < 0 || channel >= maps.channels()) throw new IllegalArgumentException("no channel " + channel);
        int plane = maps.height() * maps.width();
        int size = maps.size();
        Comparator<Hit> weakestFirst = Comparator.comparingDouble(Hit::value).thenComparing(Hit::sample, Comparator.reverseOrder());
        PriorityQueue<Hit> best = new PriorityQueue<>(weakestFirst);
        int batch = ws.maxBatch();
        int[] order = new int[batch];
        for (int first = 0; first < data.size() && !cancelled.getAsBoolean(); first += batch) {
            int n = Math.min(batch, data.size() - first);
            for (int i = 0; i < n; i++) order[i] = first + i;
            data.fill(order, 0, n, ws.input());
            ws.forward(n);
            float[] out = ws.output(layer);
            for (int s = 0; s < n; s++) {
                int at = s * size + channel * plane;
                int arg = 0;
                for (int i = 1; i < plane; i++) if (out[at + i] > out[at + arg]) arg = i;
                Hit hit = new Hit(first + s, out[at + arg], arg / maps.width(), arg % maps.width(), null);
                if (best.size() < k) best.add(hit);
                else if (weakestFirst.compare(hit, best.peek()) > 0) {
                    best.poll();
                    best.add(hit);
                }
            }
            if (progress != null) progress.accept(first + n);
        }
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(weakestFirst.reversed());
        List<Hit> withRegions = new ArrayList<>(hits.size());
        var spec = ws.network().spec();
        for (Hit h : hits) {
            withRegions.add(new Hit(h.sample(), h.value(), h.y(), h.x(),
                    ReceptiveField.inputRegion(spec, new UnitRef(layer, channel, h.y(), h.x()))));
        }
        return withRegions;
    }
}
