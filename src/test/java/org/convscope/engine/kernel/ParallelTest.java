package org.convscope.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Parallel}: every task once, the first failure rethrown, slots never shared, serial after close. */
class ParallelTest {
    @Test
    void runsEveryTaskOnce() {
        try (Parallel p = Parallel.create(3, "parallel-test")) {
            assertEquals(3, p.threads());
            for (int count : new int[] {0, 1, 2, 7, 1000}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, count));
                p.forEach(count, i -> {
                    runs.incrementAndGet(i);
                    busy();
                });
                for (int i = 0; i < count; i++) assertEquals(1, runs.get(i), "task " + i + " of " + count);
            }
        }
    }

    private static void busy() {
        long end = System.nanoTime() + 20_000;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }

    @Test
    void rethrowsAFailureAfterTheOtherTasks() {
        try (Parallel p = Parallel.create(2, "parallel-test")) {
            AtomicIntegerArray runs = new AtomicIntegerArray(50);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.forEach(50, i -> {
                runs.incrementAndGet(i);
                if (i == 10) throw new IllegalStateException("task 10 failed");
            }));
            assertEquals("task 10 failed", e.getMessage());
            for (int i = 0; i < 50; i++) assertEquals(1, runs.get(i), "task " + i);
        }
    }

    @Test
    void aSlotIsNeverUsedByTwoTasksAtOnce() {
        try (Parallel p = Parallel.create(2, "parallel-test")) {
            AtomicIntegerArray inUse = new AtomicIntegerArray(2);
            AtomicIntegerArray runs = new AtomicIntegerArray(200);
            p.forEachWithSlot(200, (task, slot) -> {
                assertEquals(1, inUse.incrementAndGet(slot), "slot " + slot + " shared");
                runs.incrementAndGet(task);
                busy();
                inUse.decrementAndGet(slot);
            });
            for (int i = 0; i < 200; i++) assertEquals(1, runs.get(i), "task " + i);
        }
    }

    @Test
    void oneThreadIsSerialAndAClosedPoolRunsOnTheCaller() {
        assertSame(Parallel.SERIAL, Parallel.create(1, "parallel-test"));
        Parallel p = Parallel.create(2, "parallel-test");
        p.close();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        p.forEach(20, i -> threads.add(Thread.currentThread()));
        assertEquals(Set.of(Thread.currentThread()), threads);
        assertThrows(IllegalArgumentException.class, () -> Parallel.create(0, "parallel-test"));
    }
}
