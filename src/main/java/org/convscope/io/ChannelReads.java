package org.convscope.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads that fill a buffer completely, for the file readers of this package. */
final class ChannelReads {
    private ChannelReads() {}

    /**
     * Fills {@code buffer} from {@code channel} starting at byte {@code position}.
     *
     * @throws EOFException if the file ends first: its size was checked before, so it shrank
     */
    static void readFully(FileChannel channel, long position, ByteBuffer buffer)
            throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new EOFException("the file shrank while it was being read");
            }
            position += read;
        }
    }
}
