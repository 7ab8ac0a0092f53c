package org.convscope.training;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.convscope.io.AtomicFiles;
import org.convscope.io.FileException;

/**
 * The training curves as CSV, one row per point, saved atomically: {@code step, batch_loss, smoothed_loss,
 * smoothed_accuracy} for the per-batch points, then, on the rows of the steps where an epoch ended, {@code epoch,
 * train_loss, train_accuracy, test_loss, test_accuracy} (empty elsewhere). An epoch's step that has no batch point of
 * its own (the curve keeps one point per several batches on a long run) gets a row with only the epoch's columns.
 */
public final class CurvesCsv {
    static final String HEADER = "step,batch_loss,smoothed_loss,smoothed_accuracy,epoch,train_loss,train_accuracy,"
            + "test_loss,test_accuracy";

    private CurvesCsv() {}

    /** The CSV text of these curves. */
    public static String text(CurveSnapshot c) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        int e = 0;
        var epochs = c.epochs();
        for (int i = 0; i < c.size(); i++) {
            long step = c.steps()[i];
            for (; e < epochs.size() && epochs.get(e).step() < step; e++) s.append(epochOnly(epochs.get(e)));
            s.append(String.format(Locale.ROOT, "%d,%s,%s,%s", step, number(c.batchLoss()[i]), number(c.smoothedLoss()[i]),
                    number(c.smoothedAccuracy()[i])));
            if (e < epochs.size() && epochs.get(e).step() == step) s.append(',').append(epochColumns(epochs.get(e++)));
            else s.append(",,,,,");
            s.append('\n');
        }
        for (; e < epochs.size(); e++) s.append(epochOnly(epochs.get(e)));
        return s.toString();
    }

    /** Saves the CSV atomically. */
    public static void write(Path file, CurveSnapshot curves) throws FileException {
        String text = text(curves);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    private static String epochOnly(EpochPoint p) {
        return p.step() + ",,,," + epochColumns(p) + "\n";
    }

    private static String epochColumns(EpochPoint p) {
        return String.format(Locale.ROOT, "%d,%s,%s,%s,%s", p.epoch() + 1, number(p.trainLoss()),
                number(p.trainAccuracy()), number(p.testLoss()), number(p.testAccuracy()));
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
