package io.paddock.server.compat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.WatcherEvent;

/**
 * One session spoken frame by frame over a {@link RawConnection}: each request gets the next
 * xid and its reply is read whole, header and body, so a test sees the reply header's zxid
 * (which the official client keeps to itself) and can send what that client never sends.
 * One test thread uses it.
 */
final class WireSession implements AutoCloseable {
    private static final int NOTIFICATION_XID = -1;

    private final RawConnection raw;
    private final List<WatcherEvent> events = new ArrayList<>();
    private int xid = 1;

    private WireSession(RawConnection raw) {
        this.raw = raw;
    }

    static WireSession open(int port, int timeoutMs) throws IOException {
        RawConnection raw = RawConnection.open(port);
        raw.handshake(timeoutMs);
        return new WireSession(raw);
    }

    /** A reply: its header, and an archive positioned at its body. */
    record Reply(ReplyHeader header, BinaryInputArchive body) {
        long zxid() {
            return header.getZxid();
        }

        int err() {
            return header.getErr();
        }

        <T extends Record> T read(T record) throws IOException {
            record.deserialize(body, "response");
            return record;
        }
    }

    /** The watch events that arrived while waiting for replies, in arrival order, removing them. */
    List<WatcherEvent> takeEvents() {
        List<WatcherEvent> out = new ArrayList<>(events);
        events.clear();
        return out;
    }

    /** Sends one request and waits for its reply (watch events in between are kept). */
    Reply call(int opCode, Record request) throws IOException {
        int sent = xid++;
        byte[] head = RawConnection.serialize(new RequestHeader(sent, opCode));
        raw.writeFrame(request == null ? head : RawConnection.concat(head,
                RawConnection.serialize(request)));
        while (true) {
            BinaryInputArchive in = BinaryInputArchive.getArchive(
                    new ByteArrayInputStream(raw.readFrame()));
            ReplyHeader h = new ReplyHeader();
            h.deserialize(in, "header");
            if (h.getXid() == NOTIFICATION_XID) {
                WatcherEvent event = new WatcherEvent();
                event.deserialize(in, "event");
                events.add(event);
                continue;
            }
            if (h.getXid() != sent) {
                throw new IOException("reply for xid " + h.getXid() + " while waiting for " + sent);
            }
            return new Reply(h, in);
        }
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
