package org.convscope.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Saves files so that a reader sees either the old content or the complete new content, never a
 * mix, and a failed save leaves the old file untouched.
 *
 * <p>The content goes to a temporary file {@code .<name>.tmp-<random>} in the target's directory,
 * is forced to the disk, and then renamed over the target in one atomic step. On any failure the
 * temporary file is deleted. A save killed before either step leaves its temporary file behind;
 * the next save of the same target removes such leftovers: files of that pattern that no one is
 * writing (a writer holds a lock on its temporary file) and that have not changed for
 * {@value #STALE_SECONDS} seconds.
 */
public final class AtomicFiles {
    private static final int BUFFER_BYTES = 1 << 16;
    /** A temporary file unchanged this long, and unlocked, is a killed save's leftover. */
    static final int STALE_SECONDS = 10;

    private AtomicFiles() {}

    /**
     * Writes {@code target} with the bytes {@code content} puts into the stream it is given. The
     * stream is buffered; {@code content} need not flush or close it.
     *
     * @throws FileException naming {@code target} if the save fails; an exception thrown by
     *     {@code content} that is not an {@link IOException} propagates unchanged, and a {@link
     *     FileException} it throws is passed on as it is
     */
    public static void write(Path target, IOConsumer<? super OutputStream> content)
            throws FileException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(tempPrefix(target) + randomSuffix());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(
                    temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.tryLock(); // released when the channel closes: tells other saves it is in use
                removeLeftovers(dir, target, temp);
                OutputStream out = new BufferedOutputStream(
                        Channels.newOutputStream(channel), BUFFER_BYTES);
                content.accept(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target,
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            forceDirectory(dir);
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(target, "cannot save: " + FileException.reason(e), e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".tmp-";
    }

    /** Deletes temporary files of earlier saves of {@code target} that were killed; quietly. */
    private static void removeLeftovers(Path dir, Path target, Path own) {
        Pattern leftover = Pattern.compile(Pattern.quote(tempPrefix(target)) + "[0-9a-f]{16}");
        Instant staleBefore = Instant.now().minusSeconds(STALE_SECONDS);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> leftover.matcher(p.getFileName().toString()).matches() && !p.equals(own))) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(staleBefore)) {
                    deleteUnlocked(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A leftover that cannot be removed now is tried again at the next save.
        }
    }

    /** Deletes {@code file} unless a save, in this process or another, still holds its lock. */
    private static void deleteUnlocked(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock != null) {
                Files.deleteIfExists(file);
            }
        } catch (OverlappingFileLockException | IOException e) {
            // Held by a save of this process, or gone meanwhile.
        }
    }

    private static String randomSuffix() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /**
     * Makes the rename itself durable. Only some platforms (Linux, macOS) can open a directory to
     * force it; elsewhere the rename is already as durable as the platform allows.
     */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The new content is complete and in place; only its durability across a crash
            // depends on the platform here.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The original failure matters more than a leftover temporary file.
        }
    }
}
