package org.convscope.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the app keeps its own files: its state (the studio's autosave, the folder the last export went to) and the
 * exports it suggests. By default both are under the user's home, {@code ~/.convscope} and {@code ~/ConvScope/exports};
 * the system property {@value #HOME_PROPERTY} moves them all into one folder ({@code HOME} and {@code HOME/exports}),
 * so that two instances or a test run never share an autosave. Without it the XDG variables are followed where set:
 * {@code $XDG_STATE_HOME/convscope} for the state, {@code $XDG_DOCUMENTS_DIR/ConvScope/exports} for exports.
 *
 * @param state   the folder of the app's state (created when first written)
 * @param exports the folder exports are suggested in at first
 */
public record AppFiles(Path state, Path exports) {
    /** System property naming one folder for all of the app's files. */
    public static final String HOME_PROPERTY = "convscope.home";
    private static final String LAST_EXPORT = "last-export-folder";

    /** The folders of this process, from its system properties and environment. */
    public static AppFiles user() {
        return of(System::getProperty, System.getenv());
    }

    /** The folders given system properties and environment variables (for tests: any values). */
    public static AppFiles of(UnaryOperator<String> properties, Map<String, String> environment) {
        String home = properties.apply(HOME_PROPERTY);
        if (set(home)) {
            Path folder = Path.of(home);
            return new AppFiles(folder, folder.resolve("exports"));
        }
        Path user = Path.of(properties.apply("user.home"));
        String xdgState = environment.get("XDG_STATE_HOME");
        String documents = environment.get("XDG_DOCUMENTS_DIR");
        // The XDG specification ignores relative paths in its variables.
        Path state = set(xdgState) && Path.of(xdgState).isAbsolute() ? Path.of(xdgState, "convscope")
                : user.resolve(".convscope");
        Path exports = set(documents) && Path.of(documents).isAbsolute() ? Path.of(documents, "ConvScope", "exports")
                : user.resolve("ConvScope").resolve("exports");
        return new AppFiles(state, exports);
    }

    /**
     * Where an export dialog opens: the folder the last export went to while it exists, else the exports folder
     * (created), else the user's home.
     */
    public Path exportStart() {
        try {
            Path last = Path.of(Files.readString(state.resolve(LAST_EXPORT), StandardCharsets.UTF_8).strip());
            if (Files.isDirectory(last)) return last;
        } catch (IOException | InvalidPathException | SecurityException e) {
            // Never exported, or the note is unreadable: start in the exports folder.
        }
        try {
            return Files.createDirectories(exports);
        } catch (IOException | SecurityException e) {
            return Path.of(System.getProperty("user.home"));
        }
    }

    /** Remembers the folder an export went to, for {@link #exportStart}; quiet when the state cannot be written. */
    public void exportedTo(Path folder) {
        if (folder == null) return;
        try {
            Files.createDirectories(state);
            AtomicFiles.write(state.resolve(LAST_EXPORT),
                    out -> out.write(folder.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | SecurityException e) {
            // Only a convenience: the next dialog opens in the exports folder instead.
        }
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
