package io.paddock.server.migrate;

import io.paddock.storage.StorageCorruptionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;

/**
 * Jute's binary encoding (big-endian ints and longs, length-prefixed strings and buffers) read
 * from a ZooKeeper snapshot stream, keeping the stream position and the Adler-32 of every byte
 * consumed so far, which is what ZooKeeper's seals check.
 *
 * <p>The checksum is brought up to date lazily, over whole stretches of the buffer, rather than
 * byte by byte. Every failure is a {@link StorageCorruptionException} naming the file and the
 * offset in the (decompressed) stream.
 *
 * <p>Not thread-safe: one reader per stream.
 */
final class ZkInput {
    private static final int BUFFER = 64 << 10;
    /** Arrays up to this length are allocated at once; longer claims are read in chunks. */
    private static final int TRUSTED_LENGTH = 1 << 20;

    private final InputStream in;
    private final ZkFileRef file;
    private final byte[] buf = new byte[BUFFER];
    private final Adler32 adler = new Adler32();
    private int pos;
    private int limit;
    private int checked;
    private long bufferStart;
    private boolean eof;

    ZkInput(InputStream in, ZkFileRef file) {
        this.in = in;
        this.file = file;
    }

    /** Bytes consumed so far. */
    long position() {
        return bufferStart + pos;
    }

    /** The Adler-32 of every byte consumed so far. */
    long checksum() {
        adler.update(buf, checked, pos - checked);
        checked = pos;
        return adler.getValue();
    }

    int readInt() throws IOException {
        need(4, "an int");
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16)
                | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    long readLong() throws IOException {
        long hi = readInt() & 0xffffffffL;
        long lo = readInt() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** A jute buffer: int length (-1 for null) and the bytes. */
    byte[] readBuffer(String what) throws IOException {
        long at = position();
        int len = readInt();
        if (len < -1) {
            throw corrupt(at, "negative length " + len + " of " + what);
        }
        if (len == -1) {
            return null;
        }
        return readBytes(len, at, what);
    }

    /** A jute ustring: int length (-1 for null) and UTF-8 bytes. */
    String readString(String what) throws IOException {
        byte[] b = readBuffer(what);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** True if the stream has no byte left. */
    boolean atEnd() throws IOException {
        return available(1) == 0;
    }

    /** How many bytes are left, counting at most {@code max} (which must fit the buffer). */
    int available(int max) throws IOException {
        fill(Math.min(max, BUFFER));
        return Math.min(max, limit - pos);
    }

    StorageCorruptionException corrupt(long offset, String reason) {
        return file.corrupt(offset, reason);
    }

    private byte[] readBytes(int len, long at, String what) throws IOException {
        if (len <= TRUSTED_LENGTH) {
            byte[] out = new byte[len];
            copy(out, 0, len, at, what);
            return out;
        }
        // A damaged length may claim gigabytes: grow as bytes really arrive instead.
        ByteArrayOutputStream out = new ByteArrayOutputStream(TRUSTED_LENGTH);
        byte[] chunk = new byte[TRUSTED_LENGTH];
        int left = len;
        while (left > 0) {
            int n = Math.min(left, chunk.length);
            copy(chunk, 0, n, at, what);
            out.write(chunk, 0, n);
            left -= n;
        }
        return out.toByteArray();
    }

    private void copy(byte[] dst, int off, int len, long at, String what) throws IOException {
        int done = 0;
        while (done < len) {
            if (pos == limit) {
                fill(1);
                if (pos == limit) {
                    throw corrupt(at, what + " of " + len + " bytes runs past the end of the"
                            + " stream (" + (position() - at - 4) + " bytes there)");
                }
            }
            int n = Math.min(len - done, limit - pos);
            System.arraycopy(buf, pos, dst, off + done, n);
            pos += n;
            done += n;
        }
    }

    private void need(int n, String what) throws IOException {
        if (limit - pos < n) {
            fill(n);
            if (limit - pos < n) {
                throw corrupt(position(), "the stream ends where " + what + " should be");
            }
        }
    }

    /** Reads until {@code n} bytes are buffered past pos, or the stream ends. */
    private void fill(int n) throws IOException {
        if (limit - pos >= n || eof) {
            return;
        }
        adler.update(buf, checked, pos - checked);
        int left = limit - pos;
        System.arraycopy(buf, pos, buf, 0, left);
        bufferStart += pos;
        pos = 0;
        checked = 0;
        limit = left;
        while (limit < n && !eof) {
            int r;
            try {
                r = in.read(buf, limit, buf.length - limit);
            } catch (IOException | RuntimeException e) {
                // A damaged gzip or snappy stream fails in its decoder, with its own exception.
                throw corrupt(position() + limit, "the stream does not decode: " + e);
            }
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
    }
}
