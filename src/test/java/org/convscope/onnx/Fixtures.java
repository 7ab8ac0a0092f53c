package org.convscope.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The ONNX fixtures PyTorch made (see src/test/resources/onnx/README.md). */
public final class Fixtures {
    public static final Path ROOT = Path.of("src/test/resources/onnx");

    private Fixtures() {}

    /** The names of the fixture folders, sorted. */
    public static Stream<String> names() throws java.io.IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("model.onnx"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }
}
