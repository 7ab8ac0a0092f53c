package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A worker whose job fails, even with an error such as running out of memory, reports it and goes on. */
class LatestWinsThreadTest {
    @Test
    void aJobThatFailsWithAnErrorIsReportedAndTheNextJobStillRuns() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        try (LatestWinsThread<String> worker = new LatestWinsThread<>("test-worker", job -> {
            if (job.equals("huge")) throw new OutOfMemoryError("Java heap space");
            seen.add(job);
        }, seen::add)) {
            worker.submit("huge");
            assertInstanceOf(OutOfMemoryError.class, seen.poll(10, TimeUnit.SECONDS));
            worker.submit("small");
            assertEquals("small", seen.poll(10, TimeUnit.SECONDS), "the thread lives on");
        }
    }
}
