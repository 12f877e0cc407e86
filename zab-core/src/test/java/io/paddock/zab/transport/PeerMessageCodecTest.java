package io.paddock.zab.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.message.Ack;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.CommitLd;
import io.paddock.zab.message.Diff;
import io.paddock.zab.message.Inform;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Ping;
import io.paddock.zab.message.Relay;
import io.paddock.zab.message.Propose;
import io.paddock.zab.message.Snap;
import io.paddock.zab.message.Trunc;
import io.paddock.zab.message.Vote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every message type survives a frame round trip; a damaged frame closes the connection. */
class PeerMessageCodecTest {
    private static final int MAX = 1 << 20;
    private static final Proposal TXN = new Proposal(0x0000_0003_0000_0007L, 5, new byte[] {1, 2, 3, -1});

    /** One of each record of the sealed family, with every field away from its default. */
    static List<PeerMessage> samples() {
        return List.of(
                new Notification(1, 2, new Vote(3, 0x1_0000_0004L, 7), 9, Role.FOLLOWING),
                new CEpoch(2, 1, 5, 0x5_0000_0001L, true),
                new CEpoch(2, 1, 5, 0x5_0000_0001L, false),
                new NewEpoch(1, 2, 6),
                new AckEpoch(2, 1, 6, 5, 0x5_0000_0001L),
                new Diff(1, 2, 0x5_0000_0009L),
                new Trunc(1, 2, 0x4_0000_0002L),
                new Snap(1, 2, 0x5_0000_0008L),
                new NewLeader(1, 2, 6, 0x5_0000_0009L),
                new AckLd(2, 1, 6),
                new CommitLd(1, 2, 0x5_0000_0009L),
                new Propose(1, 2, TXN, 0x3_0000_0006L),
                new Propose(1, 2, new Proposal(1, 0, new byte[0]), 0),
                new Ack(2, 1, TXN.zxid()),
                new Commit(1, 2, TXN.zxid()),
                new Inform(1, 4, TXN, 0x3_0000_0006L),
                new Ping(1, 2),
                new Relay(2, 1, new byte[] {9, 8, 7}),
                new Relay(1, 3, new byte[0]),
                new Notification(Long.MAX_VALUE, 1, new Vote(Long.MAX_VALUE, -1, Long.MIN_VALUE),
                        Long.MIN_VALUE, Role.OBSERVING));
    }

    @Test
    void everyMessageTypeRoundTrips() {
        Set<Class<?>> covered = new HashSet<>();
        for (PeerMessage m : samples()) {
            assertEquals(List.of(m), decode(encode(m)), "round trip of " + m);
            covered.add(m.getClass());
        }
        assertEquals(Set.of(PeerMessage.class.getPermittedSubclasses()), covered,
                "a sample of every PeerMessage record");
    }

    @Test
    void helloRoundTrips() {
        Hello hello = new Hello(PeerMessageCodec.VERSION, 42);
        assertEquals(List.of(hello), decode(encode(hello)));
    }

    @Test
    void framesSplitAcrossReadsAndBatchedInOneReadDecodeInOrder() {
        ByteBuf all = Unpooled.buffer();
        for (PeerMessage m : samples()) {
            all.writeBytes(encode(m));
        }
        EmbeddedChannel ch = channel();
        while (all.isReadable()) {
            ch.writeInbound(all.readRetainedSlice(Math.min(3, all.readableBytes())));
        }
        assertEquals(samples(), drain(ch));
        assertTrue(ch.isActive());
    }

    @Test
    void aFlippedBitInTheBodyClosesTheConnectionAndDeliversNothing() {
        assertRejected(encode(new Commit(1, 2, 77)), f -> f.setByte(f.writerIndex() - 1,
                f.getByte(f.writerIndex() - 1) ^ 0x10));
    }

    @Test
    void aFlippedBitInTheChecksumIsRejected() {
        assertRejected(encode(new Ping(1, 2)), f -> f.setByte(4, f.getByte(4) ^ 1));
    }

    @Test
    void anOversizeLengthIsRejectedBeforeItsBytesArrive() {
        ByteBuf frame = Unpooled.buffer().writeInt(MAX + 1);
        assertRejected(frame, f -> { });
    }

    @Test
    void aLengthTooShortForChecksumAndTypeIsRejected() {
        assertRejected(Unpooled.buffer().writeInt(4).writeInt(0), f -> { });
        assertRejected(Unpooled.buffer().writeInt(-1).writeInt(0), f -> { });
    }

    @Test
    void anUnknownTypeWithAValidChecksumIsRejected() {
        assertRejected(frame(99, b -> b.writeLong(1).writeLong(2)), f -> { });
    }

    @Test
    void fieldsCutShortOrLeftOverAreRejected() {
        assertRejected(frame(PeerMessageCodec.COMMIT, b -> b.writeLong(1).writeLong(2).writeInt(3)), f -> { });
        assertRejected(frame(PeerMessageCodec.PING, b -> b.writeLong(1).writeLong(2).writeByte(0)), f -> { });
    }

    @Test
    void outOfRangeFieldsAreRejected() {
        assertRejected(frame(PeerMessageCodec.NOTIFICATION, b -> b.writeLong(1).writeLong(2)
                .writeLong(3).writeLong(4).writeLong(5).writeLong(6).writeByte(Role.values().length)), f -> { });
        assertRejected(frame(PeerMessageCodec.CEPOCH, b -> b.writeLong(1).writeLong(2).writeLong(3)
                .writeLong(4).writeByte(2)), f -> { });
        // a proposal's zxid must be positive, and its data length must fit the frame
        assertRejected(frame(PeerMessageCodec.PROPOSE, b -> b.writeLong(1).writeLong(2).writeLong(0)
                .writeInt(1).writeInt(0).writeLong(0)), f -> { });
        assertRejected(frame(PeerMessageCodec.PROPOSE, b -> b.writeLong(1).writeLong(2).writeLong(5)
                .writeInt(1).writeInt(1000).writeLong(0)), f -> { });
    }

    @Test
    void nothingAfterACorruptFrameIsDelivered() {
        ByteBuf bad = encode(new Ack(2, 1, 5));
        bad.setByte(bad.writerIndex() - 1, bad.getByte(bad.writerIndex() - 1) ^ 1);
        ByteBuf stream = Unpooled.buffer().writeBytes(encode(new Ack(2, 1, 4))).writeBytes(bad)
                .writeBytes(encode(new Ack(2, 1, 6)));
        EmbeddedChannel ch = channel();
        ch.writeInbound(stream);
        assertEquals(List.of(new Ack(2, 1, 4)), drain(ch));
        assertFalse(ch.isActive());
    }

    private static void assertRejected(ByteBuf frame, Consumer<ByteBuf> damage) {
        damage.accept(frame);
        EmbeddedChannel ch = channel();
        ch.writeInbound(frame);
        assertNull(ch.readInbound(), "nothing decoded");
        assertFalse(ch.isActive(), "connection closed");
    }

    /** A frame with a valid length and checksum around whatever {@code fields} writes. */
    private static ByteBuf frame(int type, Consumer<ByteBuf> fields) {
        ByteBuf out = Unpooled.buffer();
        int start = Frames.start(out, type);
        fields.accept(out);
        Frames.finish(out, start);
        return out;
    }

    private static ByteBuf encode(Object message) {
        ByteBuf out = Unpooled.buffer();
        PeerMessageCodec.encode(message, out);
        return out;
    }

    private static List<Object> decode(ByteBuf frame) {
        EmbeddedChannel ch = channel();
        ch.writeInbound(frame);
        assertTrue(ch.isActive());
        return drain(ch);
    }

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new FrameDecoder(MAX, PeerMessageCodec::decode, "test connection"));
    }

    private static <T> List<T> drain(EmbeddedChannel ch) {
        List<T> out = new ArrayList<>();
        for (T t = ch.readInbound(); t != null; t = ch.readInbound()) {
            out.add(t);
        }
        return out;
    }

    @Test
    void theEncoderWritesWhatTheDecoderReads() {
        EmbeddedChannel out = new EmbeddedChannel(FrameEncoder.INSTANCE);
        out.writeOutbound(new Ack(1, 2, 3));
        ByteBuf bytes = out.readOutbound();
        assertEquals(List.of(new Ack(1, 2, 3)), decode(bytes));
        assertTrue(Arrays.asList(PeerMessage.class.getPermittedSubclasses()).contains(Ack.class));
    }
}
