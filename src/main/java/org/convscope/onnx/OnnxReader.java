package org.convscope.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.DiscardUnknownFieldsParser;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.convscope.io.FileException;
import org.convscope.io.Heap;
import org.convscope.onnx.proto.Onnx.ModelProto;

/**
 * Reads ONNX model files ({@code .onnx}: a protobuf {@code ModelProto}) into an {@link OnnxModel}.
 *
 * <h2>Reading untrusted files</h2>
 * Each step is bounded before it allocates: the file's size against protobuf's 2 GB and the heap;
 * then what parsing would allocate ({@link ParseCost}, which also checks every length and nests at
 * most {@value #MAX_DEPTH} deep) against the heap; then the parse itself, with the same depth
 * limit, fields this reader does not know discarded and {@code raw_data} left where it is in the
 * file's bytes; then the model's structure and every tensor's claims ({@link ModelDecoder}), before
 * the tensors are decoded. Any problem is a {@link FileException} whose one-line message names the
 * file, e.g. {@code "model.onnx: tensor 'w': dims [1000000000] of FLOAT need 4000000000 bytes,
 * raw_data has 4"}.
 */
public final class OnnxReader {
    /** The deepest nesting of messages accepted; ONNX models without subgraphs nest 6 deep. */
    public static final int MAX_DEPTH = 64;
    /** The largest file: protobuf messages cannot be 2 GB or more. */
    static final long MAX_FILE_BYTES = OnnxTensor.MAX_ARRAY;

    private OnnxReader() {}

    /**
     * Reads and checks the model in {@code file}, with its external data files.
     *
     * @throws FileException naming {@code file} if it cannot be read, is not an ONNX model, or
     *     claims what it does not hold
     */
    public static OnnxModel read(Path file) throws FileException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = bytes(file);
        return ModelDecoder.decode(file, parse(file, bytes));
    }

    private static byte[] bytes(Path file) throws FileException {
        if (Files.isDirectory(file)) {
            throw new FileException(file, "is a folder, not an ONNX model file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new FileException(file, "empty file, not an ONNX model");
            }
            if (size > MAX_FILE_BYTES) {
                throw new FileException(file, Heap.size(size) + " is more than a protobuf file can"
                        + " hold (2 GB); larger ONNX models keep their weights in external data files");
            }
            Heap.require(file, size, "reading this " + Heap.size(size) + " file");
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, buffer.position()) < 0) {
                    throw new FileException(file, "the file became shorter while it was read");
                }
            }
            return buffer.array();
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(file, "cannot read: " + FileException.reason(e), e);
        }
    }

    private static ModelProto parse(Path file, byte[] bytes) throws FileException {
        long cost;
        try {
            cost = ParseCost.of(bytes, ModelProto.getDescriptor(), MAX_DEPTH);
        } catch (ParseCost.Malformed e) {
            throw new FileException(file, "not an ONNX model: " + e.getMessage());
        }
        Heap.require(file, cost, "parsing this " + Heap.size(bytes.length) + " file");
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.enableAliasing(true);
        in.setRecursionLimit(MAX_DEPTH);
        in.setSizeLimit(bytes.length);
        try {
            return DiscardUnknownFieldsParser.wrap(ModelProto.parser()).parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new FileException(file, "not an ONNX model: damaged protobuf data", e);
        }
    }
}
