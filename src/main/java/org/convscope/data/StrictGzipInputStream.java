package org.convscope.data;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates gzip data (RFC 1952) and nothing else: one or more members back to back, each with its CRC-32 and length
 * checked, then the end of the input. {@link java.util.zip.GZIPInputStream} silently ignores whatever follows the last
 * member when it is not another member; here anything after it is an error, so a damaged or appended file is not
 * read as if it were whole.
 */
final class StrictGzipInputStream extends FilterInputStream {
    private static final int BUFFER = 1 << 16;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final PushbackInputStream source;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] one = new byte[1];
    private int inputLength; // bytes of buffer last given to the inflater
    private long memberBytes;
    private boolean ended;

    StrictGzipInputStream(InputStream in) throws IOException {
        this(new PushbackInputStream(in, BUFFER));
    }

    private StrictGzipInputStream(PushbackInputStream source) throws IOException {
        super(source);
        this.source = source;
        readHeader();
    }

    /** Bytes after the last member that are not another member. */
    static final class TrailingDataException extends ZipException {
        TrailingDataException() {
            super("trailing data after the gzip data");
        }
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!ended) {
            int n;
            try {
                n = inflater.inflate(out, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("deflate error: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(out, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("deflate error: asks for a preset dictionary");
            } else if (inflater.needsInput()) {
                inputLength = source.read(buffer, 0, buffer.length);
                if (inputLength < 0) throw new EOFException("the data ends early");
                inflater.setInput(buffer, 0, inputLength);
            }
        }
        return -1;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) break;
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        super.close();
    }

    /** Checks the trailer; then either another member follows or the input ends. */
    private void endMember() throws IOException {
        int remaining = inflater.getRemaining(); // read ahead of the member's end: the trailer and what follows
        if (remaining > 0) source.unread(buffer, inputLength - remaining, remaining);
        long storedCrc = readUInt32();
        long storedSize = readUInt32();
        if (storedCrc != crc.getValue()) throw new ZipException("CRC-32 does not match");
        if (storedSize != (memberBytes & 0xFFFFFFFFL)) throw new ZipException("size does not match");
        int next = source.read();
        if (next < 0) {
            ended = true;
            return;
        }
        source.unread(next);
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        inputLength = 0;
        try {
            readHeader();
        } catch (IOException e) {
            throw new TrailingDataException();
        }
    }

    private void readHeader() throws IOException {
        int id1 = readUByte();
        int id2 = readUByte();
        if (id1 != 0x1F || id2 != 0x8B) throw new ZipException("not in gzip format");
        if (readUByte() != 8) throw new ZipException("unsupported compression method");
        int flags = readUByte();
        for (int i = 0; i < 6; i++) readUByte(); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) skipBytes(readUByte() | readUByte() << 8);
        if ((flags & FNAME) != 0) skipZeroTerminated();
        if ((flags & FCOMMENT) != 0) skipZeroTerminated();
        if ((flags & FHCRC) != 0) skipBytes(2);
    }

    private long readUInt32() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) value |= (long) readUByte() << (8 * i);
        return value;
    }

    private int readUByte() throws IOException {
        int b = source.read();
        if (b < 0) throw new EOFException("the data ends early");
        return b;
    }

    private void skipBytes(int n) throws IOException {
        for (int i = 0; i < n; i++) readUByte();
    }

    private void skipZeroTerminated() throws IOException {
        while (readUByte() != 0) {
            // the file name or comment, not needed
        }
    }
}
