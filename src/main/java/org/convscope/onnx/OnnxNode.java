package org.convscope.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operator application of a graph.
 *
 * @param name never blank: a node the file leaves unnamed is called {@code "<opType> #<index>"},
 *     its position in the file counted from 0
 * @param domain the operator set's domain; {@code ""} for ONNX's own ({@code "ai.onnx"} is read as {@code ""})
 * @param inputs value names in the operator's order; {@code ""} keeps the place of an omitted optional input
 * @param outputs value names; {@code ""} for an optional output the file leaves out
 * @param attributes by name, in file order
 */
public record OnnxNode(String name, String opType, String domain, List<String> inputs,
        List<String> outputs, Map<String, OnnxAttribute> attributes) {

    public OnnxNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opType, "opType");
        Objects.requireNonNull(domain, "domain");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** {@code node 'Conv_0' (Conv)}, for messages. */
    public String describe() {
        return describe(name, opType);
    }

    static String describe(String name, String opType) {
        return "node " + Text.quote(name) + " (" + Text.cut(opType) + ")";
    }

    /** The attribute called {@code name}, or null. */
    public OnnxAttribute attribute(String name) {
        return attributes.get(name);
    }

    /** The {@code INT} attribute {@code name}, or {@code fallback} when the node has none. */
    public long intAttr(String name, long fallback) throws OnnxException {
        return switch (attribute(name)) {
            case null -> fallback;
            case OnnxAttribute.Int a -> a.value();
            case OnnxAttribute other -> throw wrongKind(other, "INT");
        };
    }

    /** The {@code INTS} attribute {@code name}, or {@code fallback} when the node has none. */
    public long[] intsAttr(String name, long[] fallback) throws OnnxException {
        return switch (attribute(name)) {
            case null -> fallback;
            case OnnxAttribute.Ints a -> a.values();
            case OnnxAttribute other -> throw wrongKind(other, "INTS");
        };
    }

    /** The {@code FLOAT} attribute {@code name}, or {@code fallback} when the node has none. */
    public float floatAttr(String name, float fallback) throws OnnxException {
        return switch (attribute(name)) {
            case null -> fallback;
            case OnnxAttribute.Float a -> a.value();
            case OnnxAttribute other -> throw wrongKind(other, "FLOAT");
        };
    }

    /** The {@code FLOATS} attribute {@code name}, or {@code fallback} when the node has none. */
    public float[] floatsAttr(String name, float[] fallback) throws OnnxException {
        return switch (attribute(name)) {
            case null -> fallback;
            case OnnxAttribute.Floats a -> a.values();
            case OnnxAttribute other -> throw wrongKind(other, "FLOATS");
        };
    }

    /** The {@code STRING} attribute {@code name}, or {@code fallback} (may be null) when the node has none. */
    public String stringAttr(String name, String fallback) throws OnnxException {
        return switch (attribute(name)) {
            case null -> fallback;
            case OnnxAttribute.Str a -> a.value();
            case OnnxAttribute other -> throw wrongKind(other, "STRING");
        };
    }

    /** The {@code TENSOR} attribute {@code name}, or {@code fallback} (may be null) when the node has none. */
    public OnnxTensor tensorAttr(String name, OnnxTensor fallback) throws OnnxException {
        return switch (attribute(name)) {
            case null -> fallback;
            case OnnxAttribute.Tensor a -> a.value();
            case OnnxAttribute other -> throw wrongKind(other, "TENSOR");
        };
    }

    private OnnxException wrongKind(OnnxAttribute found, String expected) {
        return new OnnxException(describe() + ": attribute " + Text.quote(found.name()) + " is "
                + found.kind() + ", expected " + expected);
    }
}
