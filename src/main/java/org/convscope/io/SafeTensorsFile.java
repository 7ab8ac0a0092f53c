package org.convscope.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a safetensors file.
 *
 * @param tensors by name, in the order the file's header lists them; unmodifiable
 * @param metadata the header's {@code __metadata__} entries, in header order; empty if absent;
 *     unmodifiable
 */
public record SafeTensorsFile(Map<String, NamedTensor> tensors, Map<String, String> metadata) {

    public SafeTensorsFile {
        tensors.forEach((name, tensor) -> {
            if (!name.equals(tensor.name())) {
                throw new IllegalArgumentException(
                        "tensor " + tensor.name() + " is filed under the name " + name);
            }
        });
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
