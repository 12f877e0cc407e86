package io.paddock.zab.transport;

import io.netty.buffer.ByteBuf;

/**
 * The frames of a snapshot stream on the quorum port, each a {@link Frames frame} (length and
 * CRC32C, so every chunk is checked on its own):
 * <pre>
 *   HEADER  int version, long from, long to, long zxid, long totalBytes
 *   CHUNK   the next bytes of the snapshot (up to {@link #CHUNK_BYTES})
 *   END     long totalBytes, int crc32c of the whole snapshot
 * </pre>
 * One stream per connection; the receiver closes the connection when the stream is done.
 *
 * <p>Thread-safe: stateless.
 */
final class SnapshotFrames {
    static final int VERSION = 1;
    static final int HEADER = 1;
    static final int CHUNK = 2;
    static final int END = 3;
    /** Snapshot bytes per CHUNK frame. */
    static final int CHUNK_BYTES = 64 << 10;
    /** The largest frame length a receiver accepts. */
    static final int MAX_FRAME = CHUNK_BYTES + 64;

    /** The stream's first frame. */
    record Header(int version, long from, long to, long zxid, long totalBytes) {
    }

    /** A slice of the snapshot (a retained slice of the frame; the receiver releases it). */
    record Chunk(ByteBuf bytes) {
    }

    /** The stream's last frame. */
    record End(long totalBytes, int crc) {
    }

    private SnapshotFrames() {
    }

    static void header(ByteBuf out, Header h) {
        int start = Frames.start(out, HEADER);
        out.writeInt(h.version());
        out.writeLong(h.from());
        out.writeLong(h.to());
        out.writeLong(h.zxid());
        out.writeLong(h.totalBytes());
        Frames.finish(out, start);
    }

    static void chunk(ByteBuf out, byte[] snapshot, int offset, int length) {
        int start = Frames.start(out, CHUNK);
        out.writeBytes(snapshot, offset, length);
        Frames.finish(out, start);
    }

    static void end(ByteBuf out, End e) {
        int start = Frames.start(out, END);
        out.writeLong(e.totalBytes());
        out.writeInt(e.crc());
        Frames.finish(out, start);
    }

    /** Reads one frame body; see {@link PeerMessageCodec#decode} for the error contract. */
    static Object decode(ByteBuf body) {
        try {
            int type = body.readUnsignedByte();
            Object frame = switch (type) {
                case HEADER -> new Header(body.readInt(), body.readLong(), body.readLong(),
                        body.readLong(), body.readLong());
                case CHUNK -> new Chunk(body.readRetainedSlice(body.readableBytes()));
                case END -> new End(body.readLong(), body.readInt());
                default -> throw new FrameException("unknown snapshot frame type " + type);
            };
            if (body.isReadable()) {
                throw new FrameException(body.readableBytes() + " bytes left over after " + frame);
            }
            return frame;
        } catch (IndexOutOfBoundsException e) {
            throw new FrameException("snapshot frame ends inside its fields", e);
        }
    }
}
