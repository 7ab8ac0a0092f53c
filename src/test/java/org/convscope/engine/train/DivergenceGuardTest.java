package org.convscope.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DivergenceGuardTest {
    @Test
    void aNoisyHealthyRunIsNeverStopped() {
        DivergenceGuard guard = new DivergenceGuard();
        SplittableRandom random = new SplittableRandom(1);
        for (int step = 1; step <= 5000; step++) {
            double loss = 2.3 * Math.exp(-step / 300.0) + 0.05 + random.nextDouble(0, 0.8);
            guard.afterStep(step, loss, step % 4 == 0 ? 1e-3 * (1 + random.nextDouble()) : Double.NaN);
            assertTrue(guard.calm() || loss > 2, "step " + step);
        }
    }

    @Test
    void aLossThatStaysFarAboveItsStartStopsTheRunAndSaysSo() {
        DivergenceGuard guard = new DivergenceGuard();
        guard.afterStep(1, 2.3, Double.NaN);
        long stoppedAt = -1;
        String reason = "";
        for (int step = 2; step < 200 && stoppedAt < 0; step++) {
            try {
                guard.afterStep(step, 45 + step % 14, Double.NaN); // η = 50: 45–59, never NaN
                if (step > 10) assertFalse(guard.calm(), "counting at step " + step);
            } catch (TrainingDivergedException e) {
                stoppedAt = e.step();
                reason = e.reason();
            }
        }
        assertTrue(stoppedAt > DivergenceGuard.LOSS_STEPS && stoppedAt < 40, "stopped at " + stoppedAt);
        assertTrue(reason.contains("stayed above") && reason.contains("2.3"), reason);
    }

    @Test
    void stepsLargerThanTheWeightsStopTheRun() {
        DivergenceGuard guard = new DivergenceGuard();
        guard.afterStep(1, 2.3, 5);
        guard.afterStep(2, 2.2, 7);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> guard.afterStep(3, 2.2, 9));
        assertTrue(e.reason().contains("more than their own size"), e.reason());
        assertEquals(3, e.step());
    }

    @Test
    void oneLargeStepAmongHealthyOnesIsNotDivergence() {
        DivergenceGuard guard = new DivergenceGuard();
        for (int step = 1; step <= 30; step++) guard.afterStep(step, 2.0, step == 10 || step == 20 ? 3 : 1e-3);
        assertTrue(guard.calm());
    }

    @Test
    void aNotANumberLossIsSaidInWords() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new DivergenceGuard().checkLoss(7, Double.NaN));
        assertEquals("training diverged at step 7: the loss became NaN (not a number)", e.getMessage());
    }
}
