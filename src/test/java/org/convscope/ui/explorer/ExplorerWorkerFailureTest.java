package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.ScalarKernels;
import org.convscope.model.ModelFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A failure on the explorer's inference thread, out of memory included, is shown in the app in one line, and the
 * thread goes on: the next drawing is classified (issue 14: failures never hang and never end a worker silently).
 */
class ExplorerWorkerFailureTest {
    private final AtomicBoolean failing = new AtomicBoolean();
    private ExplorerModel model;

    @BeforeAll
    static void startFx() {
        UiBench.startHeadless();
    }

    @AfterEach
    void close() {
        if (model != null) model.close();
    }

    /** The scalar kernels, every operation of which runs out of memory while {@link #failing} is set. */
    private Kernels kernels() {
        return (Kernels) Proxy.newProxyInstance(Kernels.class.getClassLoader(), new Class<?>[] {Kernels.class},
                (proxy, method, args) -> {
                    if (failing.get() && method.getDeclaringClass() == Kernels.class) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                    try {
                        return method.invoke(ScalarKernels.INSTANCE, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aFailedClassificationIsANoticeAndTheNextDrawingIsClassified() throws Exception {
        model = fx(() -> new ExplorerModel(ModelFile.loadDefault().network(), "LeNet-5", kernels()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(model::upToDate));

        failing.set(true);
        fx(() -> {
            DigitStrokes.draw(model.drawing(), 7, 60, 30, 200, 11);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> model.noticeProperty().get() != null
                && model.noticeProperty().get().kind() == Notice.Kind.ERROR));
        String text = fx(() -> model.noticeProperty().get().text());
        assertTrue(text.startsWith("Classification failed: out of memory: the Java heap of "), text);
        assertFalse(text.contains("\n") || text.contains("Error"), text);
        assertFalse(fx(model::upToDate), "the failed drawing is not shown as classified");

        failing.set(false);
        fx(() -> {
            DigitStrokes.draw(model.drawing(), 1, 60, 30, 200, 11);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(model::upToDate));
        assertEquals(10, fx(() -> model.frameProperty().get().probabilities().length), "classified again");
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
