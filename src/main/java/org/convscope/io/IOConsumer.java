package org.convscope.io;

import java.io.IOException;

/** A consumer that may fail with an {@link IOException}, e.g. code that writes a file's bytes. */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}
