package org.convscope.onnx;

/**
 * A model's content is not what the caller can use: an attribute of the wrong kind, a tensor of
 * the wrong element type. The message is one line naming the node or tensor, without the file,
 * e.g. {@code "node 'Conv_0' (Conv): attribute 'group' is FLOAT, expected INT"}; whoever knows
 * the file wraps it in a {@link org.convscope.io.FileException}.
 */
public final class OnnxException extends Exception {
    public OnnxException(String message) {
        super(message);
    }
}
