package io.paddock.server.soak;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A session over a plain socket, a few hundred bytes of client: thousands of them cost the test
 * a socket each, where the official client would cost two threads each. Requests are pipelined
 * (written in a batch, replies read after). Not thread-safe.
 */
final class RawSession implements AutoCloseable {
    static final int EXISTS = 3;
    static final int GET_DATA = 4;

    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private int xid;

    private RawSession(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 8192));
        this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
    }

    /** Connects and completes a new session's handshake. */
    static RawSession open(int port, int timeoutMs, int readTimeoutMs) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port));
        s.setSoTimeout(readTimeoutMs);
        RawSession r = new RawSession(s);
        r.out.writeInt(45);
        r.out.writeInt(0);
        r.out.writeLong(0);
        r.out.writeInt(timeoutMs);
        r.out.writeLong(0);
        r.out.writeInt(16);
        r.out.write(new byte[16]);
        r.out.writeBoolean(false);
        r.out.flush();
        r.in.readFully(new byte[r.in.readInt()]);
        return r;
    }

    Socket socket() {
        return socket;
    }

    /** Queues a request on {@code path} whose body is the path and a watch flag. */
    void send(int op, String path, boolean watch) throws IOException {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        out.writeInt(4 + 4 + 4 + p.length + 1);
        out.writeInt(++xid);
        out.writeInt(op);
        out.writeInt(p.length);
        out.write(p);
        out.writeBoolean(watch);
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Reads one reply; returns its xid (notifications, xid -1, are skipped). */
    int readReply() throws IOException {
        while (true) {
            int length = in.readInt();
            int replyXid = in.readInt();
            in.readFully(new byte[length - 4]);
            if (replyXid != -1) {
                return replyXid;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
