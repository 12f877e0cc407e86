package io.paddock.server.persistence;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Big-endian fields of a snapshot body, parsed from large reads of the underlying stream.
 *
 * <p>A {@link java.io.DataInputStream} over a buffered stream pays a synchronized call per byte
 * of every int and long; with a million nodes of a dozen fields each that made loading a
 * snapshot run at tens of MB/s. Here the fields are decoded straight from a 1 MiB array.
 *
 * <p>Not thread-safe: one reader at start-up.
 */
final class SnapshotBodyInput {
    private static final int BUFFER = 1 << 20;
    /** The first size of a field's array beyond what is buffered; it doubles as bytes arrive. */
    private static final int GROWTH = 64 << 10;
    private static final VarHandle INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private final int maxLength;
    private int pos;
    private int limit;

    /** @param maxLength the largest byte string or string accepted, against damage */
    SnapshotBodyInput(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    int readUnsignedByte() throws IOException {
        need(1);
        return buf[pos++] & 0xff;
    }

    int readInt() throws IOException {
        need(4);
        int v = (int) INT.get(buf, pos);
        pos += 4;
        return v;
    }

    long readLong() throws IOException {
        need(8);
        long v = (long) LONG.get(buf, pos);
        pos += 8;
        return v;
    }

    /** An int length (-1 for none) and that many bytes. */
    byte[] readBytes() throws IOException {
        int length = readLength();
        if (length == -1) {
            return null;
        }
        return readRest(length);
    }

    /** An int length and that many UTF-8 bytes, decoded without an intermediate array. */
    String readString() throws IOException {
        int length = readLength();
        if (length == -1) {
            throw new IOException("a string has no length");
        }
        if (length > buf.length) {
            return new String(readRest(length), StandardCharsets.UTF_8);
        }
        need(length);
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    /**
     * Reads {@code length} bytes into an array that grows with what arrives, so a damaged length
     * of 64 MiB in a short body ends in EOFException, not a 64 MiB allocation first.
     */
    private byte[] readRest(int length) throws IOException {
        int buffered = Math.min(length, limit - pos);
        byte[] b = new byte[Math.min(length, Math.max(buffered, GROWTH))];
        System.arraycopy(buf, pos, b, 0, buffered);
        pos += buffered;
        int copied = buffered;
        while (copied < length) {
            if (copied == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(length, 2L * b.length));
            }
            int read = in.read(b, copied, b.length - copied);
            if (read < 0) {
                throw new EOFException("the snapshot body ends inside a " + length
                        + "-byte field, after " + copied + " bytes");
            }
            copied += read;
        }
        return b;
    }

    private int readLength() throws IOException {
        int length = readInt();
        if (length < -1 || length > maxLength) {
            throw new IOException("bad length " + length);
        }
        return length;
    }

    /** Makes at least {@code n} (at most the buffer's size) unread bytes available. */
    private void need(int n) throws IOException {
        if (limit - pos >= n) {
            return;
        }
        int left = limit - pos;
        System.arraycopy(buf, pos, buf, 0, left);
        pos = 0;
        limit = left;
        while (limit < n) {
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                throw new EOFException("the snapshot body ends inside a field");
            }
            limit += read;
        }
    }
}
