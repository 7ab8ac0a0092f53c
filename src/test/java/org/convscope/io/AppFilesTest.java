package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the app's files go: the home folder, one folder for everything, or the XDG variables. */
class AppFilesTest {
    @TempDir
    Path dir;

    @Test
    void byDefaultUnderTheUsersHome() {
        AppFiles files = AppFiles.of(p -> p.equals("user.home") ? "/home/ada" : null, Map.of());
        assertEquals(Path.of("/home/ada/.convscope"), files.state());
        assertEquals(Path.of("/home/ada/ConvScope/exports"), files.exports());
    }

    @Test
    void convscopeHomeMovesThemAllEvenWithXdgSet() {
        AppFiles files = AppFiles.of(p -> switch (p) {
            case "user.home" -> "/home/ada";
            case AppFiles.HOME_PROPERTY -> "/tmp/run-7";
            default -> null;
        }, Map.of("XDG_STATE_HOME", "/home/ada/.local/state", "XDG_DOCUMENTS_DIR", "/home/ada/Documents"));
        assertEquals(Path.of("/tmp/run-7"), files.state());
        assertEquals(Path.of("/tmp/run-7/exports"), files.exports());
    }

    @Test
    void xdgVariablesAreFollowedWhenAbsolute() {
        AppFiles files = AppFiles.of(p -> p.equals("user.home") ? "/home/ada" : null,
                Map.of("XDG_STATE_HOME", "/home/ada/.local/state", "XDG_DOCUMENTS_DIR", "/home/ada/Dokumente"));
        assertEquals(Path.of("/home/ada/.local/state/convscope"), files.state());
        assertEquals(Path.of("/home/ada/Dokumente/ConvScope/exports"), files.exports());
        AppFiles relative = AppFiles.of(p -> p.equals("user.home") ? "/home/ada" : null,
                Map.of("XDG_STATE_HOME", "state", "XDG_DOCUMENTS_DIR", ""));
        assertEquals(Path.of("/home/ada/.convscope"), relative.state(), "relative XDG paths are ignored, as the spec says");
        assertEquals(Path.of("/home/ada/ConvScope/exports"), relative.exports());
    }

    @Test
    void exportDialogsStartInTheExportsFolderThenWhereTheLastExportWent() throws Exception {
        AppFiles files = new AppFiles(dir.resolve("state"), dir.resolve("exports"));
        assertEquals(dir.resolve("exports"), files.exportStart());
        assertEquals(true, Files.isDirectory(dir.resolve("exports")), "created for the dialog");
        Path slides = Files.createDirectories(dir.resolve("slides"));
        files.exportedTo(slides);
        assertEquals(slides, files.exportStart());
        Files.delete(slides);
        assertEquals(dir.resolve("exports"), files.exportStart(), "a folder since removed is not offered");
    }
}
