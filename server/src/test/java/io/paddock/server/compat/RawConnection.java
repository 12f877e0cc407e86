package io.paddock.server.compat;

import io.paddock.testing.Timing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;
import org.apache.zookeeper.proto.ReplyHeader;

/**
 * A bare socket to a server's client port that speaks ZooKeeper frames by hand, for input the
 * real client would never send. One test thread uses it.
 */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(socket.getOutputStream());
        this.in = new DataInputStream(socket.getInputStream());
    }

    static RawConnection open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) Timing.scaled(EventRecorder.WAIT).toMillis());
        return new RawConnection(socket);
    }

    /** A fresh session's ConnectRequest, as the 3.9 client writes it (readOnly flag included). */
    static ConnectRequest newSessionRequest(int timeoutMs) {
        return new ConnectRequest(0, 0L, timeoutMs, 0L, new byte[16], false);
    }

    static byte[] serialize(Record record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryOutputArchive archive = BinaryOutputArchive.getArchive(bytes);
        record.serialize(archive, "record");
        return bytes.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    /** Sends a new-session handshake and returns the server's ConnectResponse. */
    ConnectResponse handshake(int timeoutMs) throws IOException {
        writeFrame(serialize(newSessionRequest(timeoutMs)));
        ConnectResponse response = new ConnectResponse();
        response.deserialize(BinaryInputArchive.getArchive(new ByteArrayInputStream(readFrame())), "connect");
        return response;
    }

    void writeFrame(byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void writeAscii(String text) throws IOException {
        writeRaw(text.getBytes(StandardCharsets.US_ASCII));
    }

    byte[] readFrame() throws IOException {
        int length = in.readInt();
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    static ReplyHeader replyHeader(byte[] frame) throws IOException {
        ReplyHeader header = new ReplyHeader();
        header.deserialize(BinaryInputArchive.getArchive(new ByteArrayInputStream(frame)), "header");
        return header;
    }

    /** Reads everything until the peer closes; fails on a timeout so a hang cannot pass. */
    byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    /**
     * Whether the server closes this connection within the (nominal) bound, discarding anything
     * it sends first. A reset counts as closed.
     */
    boolean closedWithin(Duration nominalBound) throws IOException {
        Duration bound = Timing.scaled(nominalBound);
        socket.setSoTimeout((int) bound.toMillis());
        long deadline = System.nanoTime() + bound.toNanos();
        InputStream stream = socket.getInputStream();
        byte[] sink = new byte[4096];
        try {
            while (System.nanoTime() < deadline) {
                if (stream.read(sink) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (EOFException | SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
