package org.convscope.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** ONNX Runtime (Java, CPU, no graph optimisation) as a second reference: a model file's output for an input. */
public final class OrtReference {
    private OrtReference() {}

    /** The output of {@code model} for the batch {@code input} of shape {@code shape}, flat. */
    public static float[] run(Path model, float[] input, long[] shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model.toString(), options);
                 ai.onnxruntime.OnnxTensor x = ai.onnxruntime.OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape)) {
                String name = session.getInputNames().iterator().next();
                try (OrtSession.Result result = session.run(Map.of(name, x))) {
                    ai.onnxruntime.OnnxTensor out = (ai.onnxruntime.OnnxTensor) result.get(0);
                    FloatBuffer buffer = out.getFloatBuffer();
                    float[] values = new float[buffer.remaining()];
                    buffer.get(values);
                    return values;
                }
            }
        }
    }
}
