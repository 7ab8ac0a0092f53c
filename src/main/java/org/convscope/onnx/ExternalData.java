package org.convscope.onnx;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.convscope.io.FileException;
import org.convscope.onnx.proto.Onnx.StringStringEntryProto;
import org.convscope.onnx.proto.Onnx.TensorProto;

/**
 * Tensor values kept in a file beside the model: {@code external_data} names it ({@code location},
 * relative to the model's folder) and the byte range ({@code offset}, default 0; {@code length},
 * default to the file's end). Only files inside the model's folder are read, also after following
 * symbolic links: a model must not be able to read whatever the user can.
 */
final class ExternalData {
    /** A checked byte range of a data file. */
    record Ref(Path file, long offset, int length) {}

    private final Path modelFile;
    private final Path folder;
    private Path realFolder;

    ExternalData(Path modelFile) {
        this.modelFile = modelFile;
        Path parent = modelFile.toAbsolutePath().getParent();
        this.folder = (parent != null ? parent : modelFile.toAbsolutePath().getRoot()).normalize();
    }

    /**
     * Finds and checks the data of {@code tensor}, described as {@code what} in messages, which
     * must be {@code needed} bytes.
     */
    Ref locate(TensorProto tensor, String what, long needed) throws FileException {
        Map<String, String> entries = new HashMap<>();
        for (StringStringEntryProto entry : tensor.getExternalDataList()) {
            if (entries.put(entry.getKey(), entry.getValue()) != null) {
                throw problem(what + ": external_data has the key " + Text.quote(entry.getKey()) + " twice");
            }
        }
        String location = entries.getOrDefault("location", "");
        if (location.isEmpty()) {
            throw problem(what + ": external data without a location");
        }
        Path file = resolve(location, what);
        long size = size(file, location, what);
        long offset = number(entries, "offset", 0, what);
        long length = number(entries, "length", Math.max(0, size - offset), what);
        if (offset > size || length > size - offset) {
            throw problem(what + ": external data " + Text.quote(location) + " has " + size
                    + " bytes; offset " + offset + " + length " + length + " go past its end");
        }
        if (length != needed) {
            throw problem(what + " needs " + needed + " bytes, external data " + Text.quote(location)
                    + " gives " + length);
        }
        if (length > OnnxTensor.MAX_ARRAY) {
            throw problem(what + ": " + length + " bytes of external data are more than one Java array holds");
        }
        return new Ref(file, offset, (int) length);
    }

    /** The bytes of {@code ref}, read now. */
    ByteBuffer read(Ref ref, String what) throws FileException {
        ByteBuffer buffer = ByteBuffer.allocate(ref.length());
        try (FileChannel channel = FileChannel.open(ref.file(), StandardOpenOption.READ)) {
            long position = ref.offset();
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new EOFException("the file became shorter");
                }
                position += read;
            }
        } catch (IOException e) {
            throw problem(what + ": cannot read external data " + Text.quote(ref.file().getFileName().toString())
                    + ": " + FileException.reason(e));
        }
        return buffer.flip();
    }

    private Path resolve(String location, String what) throws FileException {
        Path relative;
        try {
            relative = Path.of(location);
        } catch (InvalidPathException e) {
            throw problem(what + ": external data location " + Text.quote(location) + " is not a valid path");
        }
        Path file = folder.resolve(relative).normalize();
        if (relative.isAbsolute() || !file.startsWith(folder)) {
            throw outside(location, what);
        }
        Path real;
        try {
            real = file.toRealPath();
            if (realFolder == null) {
                realFolder = folder.toRealPath();
            }
        } catch (NoSuchFileException e) {
            throw problem(what + ": external data file " + Text.quote(location) + " does not exist");
        } catch (IOException e) {
            throw problem(what + ": cannot open external data " + Text.quote(location) + ": " + FileException.reason(e));
        }
        if (!real.startsWith(realFolder)) {
            throw outside(location, what);
        }
        return real;
    }

    private long size(Path file, String location, String what) throws FileException {
        if (!Files.isRegularFile(file)) {
            throw problem(what + ": external data " + Text.quote(location) + " is not a file");
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw problem(what + ": cannot open external data " + Text.quote(location) + ": " + FileException.reason(e));
        }
    }

    private long number(Map<String, String> entries, String key, long fallback, String what)
            throws FileException {
        String text = entries.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, as a negative number is
        }
        throw problem(what + ": external data " + key + " " + Text.quote(text)
                + " is not a byte count");
    }

    private FileException outside(String location, String what) {
        return problem(what + ": external data " + Text.quote(location)
                + " points outside the model's folder");
    }

    private FileException problem(String problem) {
        return new FileException(modelFile, problem);
    }
}
