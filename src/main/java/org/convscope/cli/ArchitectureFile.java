package org.convscope.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.NetworkSpecJson;
import org.convscope.io.FileException;
import org.convscope.io.JsonText;
import org.convscope.io.MemoryBudget;

/**
 * An architecture file given to {@code convscope train --arch}: at most {@value #MAX_BYTES} bytes of UTF-8, strict
 * JSON (a syntax error is said in words), then the network it describes; every problem is one line naming the file.
 */
final class ArchitectureFile {
    /** Largest architecture file read; a real one is a few kilobytes. */
    static final long MAX_BYTES = 1 << 20;

    private ArchitectureFile() {}

    static NetworkSpec read(Path file) throws FileException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new FileException(file, "an architecture file of " + MemoryBudget.size(Files.size(file))
                        + " is larger than the limit of " + MemoryBudget.size(MAX_BYTES));
            }
            String json = Files.readString(file);
            JsonText.parse(json); // syntax errors in words; the architecture reader's own are Gson's
            return NetworkSpecJson.fromJson(json);
        } catch (JsonText.SyntaxException | InvalidNetworkException e) {
            throw new FileException(file, e.getMessage());
        } catch (MalformedInputException e) {
            throw new FileException(file, "not an architecture file: not UTF-8 text");
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(file, "cannot read: " + FileException.reason(e));
        } catch (IllegalArgumentException e) {
            throw new FileException(file, String.valueOf(e.getMessage()), e); // a layer's own check, e.g. a blank name
        } catch (RuntimeException e) {
            throw new FileException(file, "architecture cannot be used: " + FileException.cut(
                    String.valueOf(e.getMessage()), 80), e);
        }
    }
}
