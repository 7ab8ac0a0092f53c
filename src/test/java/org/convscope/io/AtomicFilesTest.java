package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesNewFileAndReplacesExistingOne() throws IOException {
        Path target = dir.resolve("out.bin");
        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));

        AtomicFiles.write(target, out -> out.write(new byte[] {4, 5}));
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void failingContentLeavesPreviousFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.safetensors");
        byte[] previous = {9, 8, 7, 6};
        Files.write(target, previous);

        FileException e = assertThrows(FileException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));

        assertEquals("out.safetensors: cannot save: No space left on device", e.getMessage());
        assertEquals(target, e.file());
        assertArrayEquals(previous, Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void runtimeExceptionFromContentPropagatesAndCleansUp() throws IOException {
        Path target = dir.resolve("out.bin");
        IllegalStateException thrown = new IllegalStateException("bug");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(1);
                    throw thrown;
                }));

        assertSame(thrown, e);
        assertFalse(Files.exists(target));
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void missingDirectoryIsReportedWithTheTargetName() {
        Path target = dir.resolve("no-such-dir").resolve("out.bin");

        FileException e = assertThrows(FileException.class,
                () -> AtomicFiles.write(target, out -> out.write(1)));

        assertEquals("out.bin: cannot save: no such file or directory", e.getMessage());
    }

    @Test
    void aSaveRemovesWhatKilledSavesOfTheSameFileLeftBehind() throws IOException {
        Path target = dir.resolve("run.convscope-session");
        Path killed = leftover(".run.convscope-session.tmp-00c0ffee00c0ffee", 60);
        Path otherFile = leftover(".other.convscope-session.tmp-00c0ffee00c0ffee", 60);
        Path justWritten = leftover(".run.convscope-session.tmp-1111111111111111", 0);

        AtomicFiles.write(target, out -> out.write(1));

        assertEquals(List.of(otherFile, justWritten, target), filesIn(dir),
                "the stale leftover of this file is gone; another file's, and one that may still be written, stay");
        assertFalse(Files.exists(killed));
    }

    @Test
    void aTemporaryFileStillLockedByASaveIsLeftAlone() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Path writing = leftover(".model.safetensors.tmp-2222222222222222", 60);
        try (FileChannel channel = FileChannel.open(writing, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            AtomicFiles.write(target, out -> out.write(1));
            assertTrue(Files.exists(writing), "a save under way keeps its temporary file");
        }
    }

    /** A temporary file as a save leaves it, last changed {@code secondsAgo}. */
    private Path leftover(String name, int secondsAgo) throws IOException {
        Path file = Files.write(dir.resolve(name), new byte[] {7});
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
        return file;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
