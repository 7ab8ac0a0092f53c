package org.convscope.training;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.convscope.io.FileException;

/**
 * Where the studio autosaves its session, and finding an autosave left by a run that did not close cleanly. A clean
 * close deletes the autosave, so one that exists at start-up is from a crash (or a killed app). At start-up it is
 * moved aside to {@code <name>.recovered.convscope-session}, so the new session's autosaves cannot overwrite it
 * before the user has chosen to restore or discard it. One that cannot be read, or whose restoring fails, is set aside
 * once more under a name of its own ({@code <name>.unreadable-<when>.convscope-session}, still a file the studio can
 * try to open), so that the studio says so once and the next start is clean.
 */
public final class Autosave {
    public static final String EXTENSION = ".convscope-session";
    /** How many apps may run at once, each with an autosave of its own. */
    static final int SLOTS = 32;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** A crash's autosave, ready to be offered: {@code summary} says what it holds, or why it cannot be read. */
    public record Recovery(Path file, String summary, boolean readable) {}

    private Autosave() {}

    /**
     * The autosave file of one running app, {@code autosave.convscope-session} in the folder for the first,
     * {@code autosave-2.convscope-session} for a second one running at the same time, and so on: each is held by a
     * lock on a file beside it ({@code autosave.lock}, …) until {@link #close}, or until the process ends, however it
     * ends. So an autosave found in a slot just claimed was left by a crash, never by an app still running, and two
     * apps never write the same file.
     */
    public static final class Slot implements AutoCloseable {
        private final Path file;
        private final FileChannel channel; // null when no lock could be taken (an unwritable folder)
        private final FileLock lock;

        private Slot(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        /** The autosave file of this slot. */
        public Path file() {
            return file;
        }

        /** Lets another app take the slot. */
        @Override
        public void close() {
            try {
                if (lock != null) lock.release();
                if (channel != null) channel.close();
            } catch (IOException e) {
                // The lock goes with the process at the latest.
            }
        }
    }

    /**
     * Claims the first free autosave slot in {@code folder} (created when missing). When the folder cannot be written
     * the first slot is returned unlocked: autosaving there fails too, and says so.
     */
    public static Slot claim(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return new Slot(folder.resolve("autosave" + EXTENSION), null, null);
        }
        for (int n = 1; n <= SLOTS; n++) {
            Slot slot = tryClaim(folder, n == 1 ? "autosave" : "autosave-" + n);
            if (slot != null) return slot;
        }
        return new Slot(folder.resolve("autosave" + EXTENSION), null, null);
    }

    /** The slot of that name when no one holds it, else null. */
    private static Slot tryClaim(Path folder, String base) {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder.resolve(base + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return null;
        }
        try {
            FileLock lock = channel.tryLock(); // null: another process holds it
            if (lock != null) return new Slot(folder.resolve(base + EXTENSION), channel, lock);
        } catch (OverlappingFileLockException | IOException e) {
            // OverlappingFileLockException: this process holds it already.
        }
        new Slot(null, channel, null).close();
        return null;
    }

    /** The file a crash's autosave is moved to at start-up. */
    public static Path recoveredFile(Path autosave) {
        String name = autosave.getFileName().toString();
        String base = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        return autosave.resolveSibling(base + ".recovered" + EXTENSION);
    }

    /**
     * Moves a crash's autosave aside and describes it; empty when there is nothing to recover. An autosave moved
     * aside earlier and neither restored nor discarded is offered again; one that cannot be read is set aside (see
     * {@link #setAside}) and described as unreadable, with where it was kept, this once.
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
        String problem;
        try {
            SessionState s = SessionFile.read(recovered);
            String when = WHEN.format(Files.getLastModifiedTime(recovered).toInstant());
            return Optional.of(new Recovery(recovered, String.format(Locale.ROOT,
                    "%s at step %,d (epoch %d), autosaved %s", s.spec().name(), s.step(), s.epoch() + 1, when), true));
        } catch (FileException e) {
            problem = e.problem();
        } catch (IOException e) {
            problem = FileException.reason(e);
        } catch (RuntimeException e) {
            problem = "it cannot be read";
        } catch (OutOfMemoryError e) {
            problem = "it is too large for the memory ConvScope has";
        }
        Path kept = setAside(recovered);
        return Optional.of(new Recovery(kept == null ? recovered : kept, problem + "; " + keptAs(kept), false));
    }

    /**
     * Moves a recovered autosave that cannot be restored out of the way, to {@code
     * <name>.unreadable-<yyyyMMdd-HHmmss>.convscope-session} beside it, so that the next start does not offer it
     * again. Returns where it went; null when it could not be moved and was deleted instead (or could not be).
     */
    public static Path setAside(Path recovered) {
        String name = recovered.getFileName().toString();
        String base = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        base = base.endsWith(".recovered") ? base.substring(0, base.length() - ".recovered".length()) : base;
        Path kept = recovered.resolveSibling(base + ".unreadable-" + STAMP.format(Instant.now()) + EXTENSION);
        try {
            return Files.move(recovered, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            discard(recovered);
            return null;
        }
    }

    /** Where {@link #setAside} put an autosave, in words. */
    public static String keptAs(Path kept) {
        return kept == null ? "it could not be kept" : "it was kept as " + kept.getFileName();
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
