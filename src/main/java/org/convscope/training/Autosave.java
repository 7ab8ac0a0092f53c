package org.convscope.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.convscope.io.FileException;

/**
 * Where the studio autosaves its session, and finding an autosave left by a run that did not close cleanly. A clean
 * close deletes the autosave, so one that exists at start-up is from a crash (or a killed app). At start-up it is
 * moved aside to {@code <name>.recovered.convscope-session}, so the new session's autosaves cannot overwrite it
 * before the user has chosen to restore or discard it.
 */
public final class Autosave {
    /** System property overriding the autosave file (tests point it into a temporary folder). */
    public static final String PROPERTY = "convscope.autosave";
    public static final String EXTENSION = ".convscope-session";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** A crash's autosave, ready to be offered: {@code summary} says what it holds, or why it cannot be read. */
    public record Recovery(Path file, String summary, boolean readable) {}

    private Autosave() {}

    /** {@value #PROPERTY}, else {@code ~/.convscope/autosave.convscope-session}. */
    public static Path userFile() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) return Path.of(property);
        return Path.of(System.getProperty("user.home"), ".convscope", "autosave" + EXTENSION);
    }

    /** The file a crash's autosave is moved to at start-up. */
    public static Path recoveredFile(Path autosave) {
        String name = autosave.getFileName().toString();
        String base = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        return autosave.resolveSibling(base + ".recovered" + EXTENSION);
    }

    /**
     * Moves a crash's autosave aside and describes it; empty when there is nothing to recover. An autosave moved
     * aside earlier and neither restored nor discarded is offered again.
     */
    public static Optional<Recovery> recover(Path autosave) {
        Path recovered = recoveredFile(autosave);
        if (Files.exists(autosave)) {
            try {
                Files.move(autosave, recovered, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                recovered = autosave;
            }
        }
        if (!Files.exists(recovered)) return Optional.empty();
        try {
            SessionState s = SessionFile.read(recovered);
            String when = WHEN.format(Files.getLastModifiedTime(recovered).toInstant());
            return Optional.of(new Recovery(recovered, String.format(Locale.ROOT,
                    "%s at step %,d (epoch %d), autosaved %s", s.spec().name(), s.step(), s.epoch() + 1, when), true));
        } catch (FileException e) {
            return Optional.of(new Recovery(recovered, e.getMessage(), false));
        } catch (IOException e) {
            return Optional.of(new Recovery(recovered, recovered.getFileName() + ": " + e.getMessage(), false));
        }
    }

    /**
     * A recovered autosave has been opened: it becomes the autosave again (so a crash before the restored session
     * saves anything still finds it), or is deleted when there is no autosave file. Quiet: on failure it stays
     * where it is and is offered again at the next start.
     */
    public static void restored(Path recovered, Path autosave) {
        try {
            if (autosave == null) Files.deleteIfExists(recovered);
            else if (!recovered.equals(autosave)) Files.move(recovered, autosave, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Offered again at the next start; nothing is lost.
        }
    }

    /** Deletes a file quietly (an autosave that is no longer wanted); returns whether it is gone. */
    public static boolean discard(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
