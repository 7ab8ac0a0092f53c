package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench command's report has every figure; the figures themselves are for people, not for assertions. */
class BenchCommandTest {
    @Test
    void jsonHasEveryKeyForBothKernels() {
        CliRun run = CliRun.of("bench", "--json", "--seconds", "0.05", "--threads", "2");
        assertEquals(0, run.exit(), run.err());
        JsonObject o = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        for (String prefix : List.of("", "scalar_")) {
            for (String key : List.of("forward_latency_median_us", "forward_latency_p99_us", "inference_images_per_second",
                    "train_images_per_second_1_thread", "train_images_per_second")) {
                assertTrue(o.has(prefix + key), prefix + key);
                assertTrue(o.get(prefix + key).getAsDouble() > 0, prefix + key);
            }
        }
        assertEquals(2, o.get("threads").getAsInt());
        assertTrue(o.get("forward_latency_p99_us").getAsDouble() >= o.get("forward_latency_median_us").getAsDouble());
    }

    @Test
    void modelReportsTheIssuesKeysWithItsMultiplyAdds() {
        CliRun run = CliRun.of("bench", "--model", "src/test/resources/onnx/lenet/model.onnx", "--threads", "2",
                "--seconds", "0.05", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonObject o = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertEquals("model.onnx", o.get("model").getAsString());
        // LeNet-5 by hand: conv1 6·28·28 outputs × 1·5·5, conv2 16·10·10 × 6·5·5, then 400·120 + 120·84 + 84·10
        long lenet = 6 * 28 * 28 * 25 + 16 * 10 * 10 * 150 + 400 * 120 + 120 * 84 + 84 * 10;
        assertEquals(lenet, o.get("multiply_adds").getAsLong());
        assertEquals(2, o.get("threads").getAsInt());
        for (String key : List.of("forward_latency_median_ms", "forward_latency_p99_ms", "batch_images_per_second")) {
            assertTrue(o.get(key).getAsDouble() > 0, key);
        }
        assertTrue(o.get("forward_latency_p99_ms").getAsDouble() >= o.get("forward_latency_median_ms").getAsDouble());
        CliRun text = CliRun.of("bench", "--model", "src/test/resources/onnx/lenet/model.onnx", "--threads", "1",
                "--seconds", "0.05", "--profile");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("416,520 multiply-adds") && text.out().contains("conv2"), text.out());
    }

    @Test
    void studioReportsBothThroughputsAndTheFrameTimes() {
        CliRun run = CliRun.of("bench", "--studio", "--json", "--seconds", "0.3", "--rounds", "2");
        assertEquals(0, run.exit(), run.err());
        JsonObject o = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        for (String key : List.of("headless_images_per_second", "studio_images_per_second", "studio_ratio")) {
            assertTrue(o.get(key).getAsDouble() > 0, key);
        }
        for (String key : List.of("frames", "frame_p50_ms", "frame_p99_ms", "frame_cpu_p50_ms", "frame_cpu_p99_ms",
                "view_updates", "view_update_p50_ms", "view_update_p99_ms", "studio_training_cores", "studio_fx_thread_cores",
                "studio_renderer_cores", "studio_process_cores")) {
            assertTrue(o.has(key), key);
        }
        var rounds = o.getAsJsonArray("studio_round_ratios");
        assertEquals(2, rounds.size());
        assertEquals((rounds.get(0).getAsDouble() + rounds.get(1).getAsDouble()) / 2, o.get("studio_ratio").getAsDouble(),
                1e-9, "the median of two rounds");
    }

    @Test
    void uiOnAModelReportsTheKeysOfTheExplorersBench() {
        CliRun run = CliRun.of("bench", "--ui", "--model", "src/test/resources/onnx/resblock/model.onnx", "--updates", "5",
                "--json");
        assertEquals(0, run.exit(), run.err());
        JsonObject o = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        for (String key : List.of("ui_update_median_ms", "ui_update_p99_ms", "ui_update_max_ms", "ui_update_cpu_median_ms",
                "ui_update_cpu_p99_ms", "ui_full_render_median_ms")) {
            assertTrue(o.get(key).getAsDouble() > 0, key);
        }
        assertEquals(5, o.get("ui_updates").getAsInt());
        assertTrue(o.get("ui_warmup_updates").getAsInt() >= 1);
        assertEquals("model.onnx", o.get("model").getAsString());
        assertTrue(o.get("ui_update_p99_ms").getAsDouble() >= o.get("ui_update_median_ms").getAsDouble());
    }
}
