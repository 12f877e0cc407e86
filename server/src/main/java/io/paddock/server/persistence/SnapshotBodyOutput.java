package io.paddock.server.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian fields of a snapshot body, gathered in a 256 KiB array and handed on in large
 * writes: the counterpart of {@link SnapshotBodyInput}.
 *
 * <p>A {@link java.io.DataOutputStream} over a buffered stream makes one synchronized call per
 * int and long; a snapshot of a large tree is a dozen of them per node, and while a snapshot
 * runs it takes CPU from the request path.
 *
 * <p>Not thread-safe: the snapshot thread only.
 */
final class SnapshotBodyOutput {
    private static final int BUFFER = 256 << 10;
    private static final VarHandle INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;

    SnapshotBodyOutput(OutputStream out) {
        this.out = out;
    }

    void writeByte(int v) throws IOException {
        room(1);
        buf[pos++] = (byte) v;
    }

    void writeInt(int v) throws IOException {
        room(4);
        INT.set(buf, pos, v);
        pos += 4;
    }

    void writeLong(long v) throws IOException {
        room(8);
        LONG.set(buf, pos, v);
        pos += 8;
    }

    /** An int length (-1 for null) and the bytes. */
    void writeBytes(byte[] b) throws IOException {
        if (b == null) {
            writeInt(-1);
            return;
        }
        writeInt(b.length);
        writeRaw(b);
    }

    /** An int length and UTF-8 bytes. */
    void writeString(String s) throws IOException {
        writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Hands everything written so far to the stream and flushes it. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void writeRaw(byte[] b) throws IOException {
        if (b.length > buf.length / 4) {
            drain();
            out.write(b);
            return;
        }
        room(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void room(int n) throws IOException {
        if (buf.length - pos < n) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
