package org.convscope.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed attribute accessors: the value, the fallback, or one line naming the node. */
class OnnxNodeTest {
    private final OnnxNode conv = node("Conv_0", "Conv",
            new OnnxAttribute.Int("group", 2),
            new OnnxAttribute.Ints("strides", new long[] {2, 2}),
            new OnnxAttribute.Float("alpha", 0.5f),
            new OnnxAttribute.Floats("scales", new float[] {1, 2}),
            new OnnxAttribute.Str("auto_pad", "NOTSET"),
            new OnnxAttribute.Tensor("value", OnnxTensor.ofFloats("", new long[] {1}, new float[] {3})),
            new OnnxAttribute.Other("body", "GRAPH"));

    @Test
    void valuesWhenPresent() throws OnnxException {
        assertEquals(2, conv.intAttr("group", 1));
        assertArrayEquals(new long[] {2, 2}, conv.intsAttr("strides", null));
        assertEquals(0.5f, conv.floatAttr("alpha", 0));
        assertArrayEquals(new float[] {1, 2}, conv.floatsAttr("scales", null));
        assertEquals("NOTSET", conv.stringAttr("auto_pad", null));
        assertArrayEquals(new float[] {3}, conv.tensorAttr("value", null).toFloats());
    }

    @Test
    void fallbacksWhenAbsent() throws OnnxException {
        assertEquals(1, conv.intAttr("missing", 1));
        assertArrayEquals(new long[] {1, 1}, conv.intsAttr("missing", new long[] {1, 1}));
        assertEquals(0.25f, conv.floatAttr("missing", 0.25f));
        assertArrayEquals(new float[0], conv.floatsAttr("missing", new float[0]));
        assertEquals("fallback", conv.stringAttr("missing", "fallback"));
        assertNull(conv.tensorAttr("missing", null));
        assertNull(conv.attribute("missing"));
    }

    @Test
    void wrongKindNamesNodeAttributeAndBothKinds() {
        assertEquals("node 'Conv_0' (Conv): attribute 'alpha' is FLOAT, expected INT",
                assertThrows(OnnxException.class, () -> conv.intAttr("alpha", 0)).getMessage());
        assertEquals("node 'Conv_0' (Conv): attribute 'group' is INT, expected INTS",
                assertThrows(OnnxException.class, () -> conv.intsAttr("group", null)).getMessage());
        assertEquals("node 'Conv_0' (Conv): attribute 'group' is INT, expected FLOAT",
                assertThrows(OnnxException.class, () -> conv.floatAttr("group", 0)).getMessage());
        assertEquals("node 'Conv_0' (Conv): attribute 'strides' is INTS, expected FLOATS",
                assertThrows(OnnxException.class, () -> conv.floatsAttr("strides", null)).getMessage());
        assertEquals("node 'Conv_0' (Conv): attribute 'value' is TENSOR, expected STRING",
                assertThrows(OnnxException.class, () -> conv.stringAttr("value", null)).getMessage());
        assertEquals("node 'Conv_0' (Conv): attribute 'body' is GRAPH, expected TENSOR",
                assertThrows(OnnxException.class, () -> conv.tensorAttr("body", null)).getMessage());
    }

    @Test
    void arraysAreCopies() throws OnnxException {
        conv.intsAttr("strides", null)[0] = 99;
        ((OnnxAttribute.Floats) conv.attribute("scales")).values()[0] = 99;
        assertArrayEquals(new long[] {2, 2}, conv.intsAttr("strides", null));
        assertArrayEquals(new float[] {1, 2}, conv.floatsAttr("scales", null));
    }

    private static OnnxNode node(String name, String opType, OnnxAttribute... attributes) {
        Map<String, OnnxAttribute> byName = new LinkedHashMap<>();
        for (OnnxAttribute attribute : attributes) {
            byName.put(attribute.name(), attribute);
        }
        return new OnnxNode(name, opType, "", List.of("x"), List.of("y"), byName);
    }
}
