package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.proto.ConnectResponse;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.junit.jupiter.api.Test;

/**
 * Hostile or broken input on the client port closes that one connection, and the server goes on
 * serving everyone else.
 */
abstract class BadInputContract extends CompatTestBase {
    private static final int MAX_CNXNS = 5;
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(5);
    /** ZooKeeper drops a connection that never says hello after 10 s (sessionlessCnxnTimeout). */
    private static final Duration IDLE_CLOSED_WITHIN = Duration.ofSeconds(15);

    @Override
    protected ServerSettings settings() {
        return ServerSettings.defaults().withJuteMaxBuffer(64 * 1024).withMaxClientCnxns(MAX_CNXNS);
    }

    private RawConnection open() throws IOException {
        return track(RawConnection.open(server.port()));
    }

    private static byte[] ints(int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (int value : values) {
            out.writeInt(value);
        }
        return bytes.toByteArray();
    }

    @Test
    void oversizeFirstFrameIsRefused() throws Exception {
        RawConnection raw = open();
        raw.writeRaw(ints(server.juteMaxBuffer() + 1, 0, 0, 0));
        assertTrue(raw.closedWithin(CLOSED_WITHIN));
        assertServerStillServes();
    }

    @Test
    void oversizeFrameAfterHandshakeIsRefused() throws Exception {
        RawConnection raw = open();
        raw.handshake(SESSION_TIMEOUT);
        raw.writeRaw(ints(server.juteMaxBuffer() + 1, 1, 4, 0));
        assertTrue(raw.closedWithin(CLOSED_WITHIN));
        assertServerStillServes();
    }

    @Test
    void negativeFrameLengthIsRefused() throws Exception {
        RawConnection raw = open();
        raw.handshake(SESSION_TIMEOUT);
        raw.writeRaw(ints(-1, 1, 4));
        assertTrue(raw.closedWithin(CLOSED_WITHIN));
        assertServerStillServes();
    }

    @Test
    void garbageBeforeHandshakeIsRefused() throws Exception {
        RawConnection raw = open();
        raw.writeAscii("GARBAGE GARBAGE GARBAGE GARBAGE\r\n");
        assertTrue(raw.closedWithin(CLOSED_WITHIN));
        assertServerStillServes();
    }

    @Test
    void framedGarbageInPlaceOfAConnectRequestIsRefused() throws Exception {
        RawConnection raw = open();
        raw.writeFrame("GARBAGE!GARBAGE!".getBytes(StandardCharsets.US_ASCII));
        assertTrue(raw.closedWithin(CLOSED_WITHIN));
        assertServerStillServes();
    }

    @Test
    void connectRequestWhosePasswordOverrunsTheFrameIsRefused() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeInt(0);          // protocolVersion
        out.writeLong(0);         // lastZxidSeen
        out.writeInt(SESSION_TIMEOUT);
        out.writeLong(0);         // sessionId
        out.writeInt(1000);       // passwd length: far beyond the frame
        out.write(new byte[12]);
        assertEquals(40, body.size());
        RawConnection raw = open();
        raw.writeFrame(body.toByteArray());
        assertTrue(raw.closedWithin(CLOSED_WITHIN));
        assertServerStillServes();
    }

    @Test
    void garbageAfterHandshakeIsRefused() throws Exception {
        RawConnection raw = open();
        ConnectResponse hello = raw.handshake(SESSION_TIMEOUT);
        assertNotEquals(0L, hello.getSessionId());
        raw.writeFrame(new byte[] {1, 2, 3});
        assertTrue(raw.closedWithin(CLOSED_WITHIN));
        assertServerStillServes();
    }

    @Test
    void unknownOpCodeIsAnsweredWithAnErrorOrClosed() throws Exception {
        RawConnection raw = open();
        raw.handshake(SESSION_TIMEOUT);
        raw.writeFrame(RawConnection.serialize(new RequestHeader(5, 9999)));
        try {
            ReplyHeader reply = RawConnection.replyHeader(raw.readFrame());
            assertEquals(5, reply.getXid());
            assertNotEquals(0, reply.getErr(), "an unknown op code must not succeed");
        } catch (EOFException | SocketException closed) {
            // Closing the connection is the other acceptable answer.
        }
        assertServerStillServes();
    }

    @Test
    void connectionThatNeverSaysHelloIsDropped() throws Exception {
        assumeFalse(server.isReference(),
                "ZooKeeper takes 10-20 s here (its expiry queue rounds up to the next 10 s bucket)");
        RawConnection raw = open();
        assertTrue(raw.closedWithin(IDLE_CLOSED_WITHIN), "an idle unauthenticated connection stayed open");
        assertServerStillServes();
    }

    @Test
    void connectionsBeyondTheLimitFromOneAddressAreRefused() throws Exception {
        List<RawConnection> allowed = new ArrayList<>();
        for (int i = 0; i < MAX_CNXNS; i++) {
            RawConnection raw = RawConnection.open(server.port());
            allowed.add(raw);
            raw.handshake(SESSION_TIMEOUT);
        }
        try (RawConnection extra = RawConnection.open(server.port())) {
            extra.writeFrame(RawConnection.serialize(RawConnection.newSessionRequest(SESSION_TIMEOUT)));
            assertTrue(extra.closedWithin(CLOSED_WITHIN), "connection " + (MAX_CNXNS + 1) + " was served");
        } catch (SocketException refused) {
            // A reset while writing is a refusal too.
        }
        for (RawConnection raw : allowed) {
            raw.close();
        }
        assertServerStillServes();
    }
}
