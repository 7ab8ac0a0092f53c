package org.convscope.engine.kernel;

import java.lang.System.Logger.Level;
import org.convscope.engine.kernel.simd.VectorKernels;

/**
 * Picks the kernels once at start-up: the Vector API unless {@code -Dconvscope.kernels=scalar} forces the scalar
 * path, or the JVM was started without {@code jdk.incubator.vector}. The choice is logged.
 */
public final class KernelSelection {
    public static final String PROPERTY = "convscope.kernels";
    private static final Kernels DEFAULT = choose();

    private KernelSelection() {}

    public static Kernels preferred() {
        return DEFAULT;
    }

    private static Kernels choose() {
        System.Logger log = System.getLogger("org.convscope.engine");
        String forced = System.getProperty(PROPERTY, "auto");
        if (forced.equals("scalar")) {
            log.log(Level.INFO, "kernels: scalar (forced by -D" + PROPERTY + "=scalar)");
            return ScalarKernels.INSTANCE;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            log.log(Level.WARNING, "kernels: scalar (start the JVM with --add-modules jdk.incubator.vector for SIMD)");
            return ScalarKernels.INSTANCE;
        }
        Kernels vector = VectorKernels.INSTANCE;
        if (!VectorKernels.supported()) {
            log.log(Level.INFO, "kernels: scalar (no usable vector unit)");
            return ScalarKernels.INSTANCE;
        }
        log.log(Level.DEBUG, "kernels: " + vector.name());
        return vector;
    }
}
