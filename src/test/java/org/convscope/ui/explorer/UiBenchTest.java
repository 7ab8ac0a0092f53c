package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The UI benchmark runs headless and reports every figure; the figures are for people, not for assertions. */
class UiBenchTest {
    @Test
    void measuresUpdatesHeadless() throws Exception {
        UiBench.startHeadless();
        UiBench.Result r = UiBench.run(30, 5, 0, 1);
        assertEquals(30, r.updates());
        assertEquals(5, r.warmupUpdates());
        assertTrue(r.medianMs() > 0 && r.p99Ms() >= r.medianMs() && r.maxMs() >= r.p99Ms(), r.toString());
        assertTrue(r.cpuMedianMs() > 0 && r.renderMedianMs() > 0, r.toString());
    }
}
