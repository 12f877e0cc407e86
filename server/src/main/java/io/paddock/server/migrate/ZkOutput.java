package io.paddock.server.migrate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;

/**
 * Jute's binary encoding written to a ZooKeeper snapshot stream, keeping the Adler-32 of every
 * byte written so far for the seals: the counterpart of {@link ZkInput}. Bytes gather in a
 * buffer, and the checksum is brought up to date over the buffer as it drains.
 *
 * <p>Not thread-safe.
 */
final class ZkOutput {
    private static final int BUFFER = 64 << 10;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private final Adler32 adler = new Adler32();
    private int pos;

    ZkOutput(OutputStream out) {
        this.out = out;
    }

    void writeInt(int v) throws IOException {
        room(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    /** A jute buffer: int length (-1 for null) and the bytes. */
    void writeBuffer(byte[] b) throws IOException {
        if (b == null) {
            writeInt(-1);
            return;
        }
        writeInt(b.length);
        int off = 0;
        while (off < b.length) {
            room(1);
            int n = Math.min(b.length - off, buf.length - pos);
            System.arraycopy(b, off, buf, pos, n);
            pos += n;
            off += n;
        }
    }

    void writeString(String s) throws IOException {
        writeBuffer(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    /** ZooKeeper's seal: the Adler-32 of everything written so far, then the string "/". */
    void seal() throws IOException {
        adler.update(buf, 0, pos);
        out.write(buf, 0, pos);
        pos = 0;
        writeLong(adler.getValue());
        writeString("/");
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void room(int n) throws IOException {
        if (buf.length - pos < n) {
            drain();
        }
    }

    private void drain() throws IOException {
        adler.update(buf, 0, pos);
        out.write(buf, 0, pos);
        pos = 0;
    }
}
