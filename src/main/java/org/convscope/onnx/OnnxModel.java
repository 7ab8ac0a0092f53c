package org.convscope.onnx;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An ONNX model file as {@link OnnxReader} reads it and {@link OnnxWriter} writes it.
 *
 * @param file the file it was read from (or is to be written to); for messages
 * @param irVersion the ONNX format version ({@code ir_version}), e.g. 8 for opset 13–17
 * @param opsets operator set version by domain, {@code ""} for ONNX's own (also written
 *     {@code "ai.onnx"} in files)
 * @param producer the tool that wrote the file and its version, e.g. {@code "pytorch 1.13.1"}; may be empty
 * @param metadata the file's {@code metadata_props}, in file order
 */
public record OnnxModel(Path file, long irVersion, Map<String, Long> opsets, String producer,
        Map<String, String> metadata, OnnxGraph graph) {

    public OnnxModel {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(graph, "graph");
        opsets = Collections.unmodifiableMap(new LinkedHashMap<>(opsets));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The version of ONNX's own operator set (domain {@code ""}), or 0 if the model imports none. */
    public long defaultOpset() {
        return opsets.getOrDefault("", 0L);
    }
}
