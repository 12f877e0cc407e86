package io.paddock.zab.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.paddock.zab.Zxids;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one snapshot stream ({@link SnapshotFrames}) on an accepted quorum-port connection into
 * a file, checks its size and whole-stream CRC32C, and hands the file to the listener. A stream
 * that breaks off, goes quiet for the idle timeout, or fails a check is logged, its file deleted,
 * and its connection closed: the learner's sync then times out and starts again.
 *
 * <p>Not sharable: one per channel, on the quorum port's event loop (the file writes run there,
 * never on the election loop).
 */
final class SnapshotReceiver extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReceiver.class);
    /** Every file a stream is received into starts so. */
    static final String FILE_PREFIX = "snapshot-from-";

    private final TransportConfig config;
    private final Path dir;
    private final TransportListener listener;
    private final CRC32C crc = new CRC32C();
    private SnapshotFrames.Header header;
    private Path file;
    private FileChannel out;
    private long received;
    private long lastRead = System.nanoTime();
    private ScheduledFuture<?> idleCheck;
    /** Failed or delivered: whatever still arrives is dropped. */
    private boolean finished;

    SnapshotReceiver(TransportConfig config, Path dir, TransportListener listener) {
        this.config = config;
        this.dir = dir;
        this.listener = listener;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Duration idle = config.snapshotIdleTimeout();
        idleCheck = ctx.executor().scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastRead > idle.toNanos()) {
                fail(ctx, "no bytes for " + idle);
            }
        }, idle.toNanos(), idle.toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) {
        lastRead = System.nanoTime();
        if (finished) {
            if (frame instanceof SnapshotFrames.Chunk c) {
                c.bytes().release();
            }
            return;
        }
        try {
            if (frame instanceof SnapshotFrames.Header h) {
                onHeader(ctx, h);
            } else if (frame instanceof SnapshotFrames.Chunk c) {
                onChunk(ctx, c);
            } else if (frame instanceof SnapshotFrames.End e) {
                onEnd(ctx, e);
            }
        } catch (IOException e) {
            fail(ctx, "writing " + file + " failed: " + e);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        if (out != null) {
            LOG.warn("snapshot stream from server {} at {} broke off after {} of {} bytes",
                    header.from(), Zxids.toHexString(header.zxid()), received, header.totalBytes());
            discard();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause.toString());
    }

    private void onHeader(ChannelHandlerContext ctx, SnapshotFrames.Header h) throws IOException {
        if (header != null) {
            fail(ctx, "a second header " + h);
        } else if (h.version() != SnapshotFrames.VERSION) {
            fail(ctx, "snapshot stream version " + h.version() + ", expected "
                    + SnapshotFrames.VERSION);
        } else if (h.to() != config.myId() || h.from() == config.myId()
                || !config.peers().containsKey(h.from())) {
            fail(ctx, "a stream from " + h.from() + " to " + h.to() + " at server "
                    + config.myId() + " of ensemble " + config.peers().keySet());
        } else if (h.totalBytes() < 0 || h.zxid() < 0) {
            fail(ctx, "a header with negative fields: " + h);
        } else {
            header = h;
            Files.createDirectories(dir);
            file = dir.resolve(FILE_PREFIX + h.from() + "-" + Long.toHexString(h.zxid())
                    + "-" + Long.toHexString(System.nanoTime()) + ".part");
            out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private void onChunk(ChannelHandlerContext ctx, SnapshotFrames.Chunk c) throws IOException {
        try {
            if (out == null) {
                fail(ctx, "a chunk before the header");
                return;
            }
            int length = c.bytes().readableBytes();
            if (received + length > header.totalBytes()) {
                fail(ctx, "more than the announced " + header.totalBytes() + " bytes");
                return;
            }
            ByteBuffer bytes = c.bytes().nioBuffer();
            crc.update(bytes.duplicate());
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            received += length;
        } finally {
            c.bytes().release();
        }
    }

    private void onEnd(ChannelHandlerContext ctx, SnapshotFrames.End e) throws IOException {
        if (out == null) {
            fail(ctx, "an end before the header");
        } else if (e.totalBytes() != received || received != header.totalBytes()) {
            fail(ctx, "ended after " + received + " bytes; header said " + header.totalBytes()
                    + ", end says " + e.totalBytes());
        } else if (e.crc() != (int) crc.getValue()) {
            fail(ctx, "whole-snapshot checksum mismatch: expected 0x" + Integer.toHexString(e.crc())
                    + ", computed 0x" + Integer.toHexString((int) crc.getValue()));
        } else {
            out.close();
            out = null;
            Path done = file.resolveSibling(file.getFileName().toString().replace(".part", ".snap"));
            Files.move(file, done, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("server {} received a {}-byte snapshot at {} from server {}", config.myId(),
                    received, Zxids.toHexString(header.zxid()), header.from());
            finished = true;
            listener.snapshotReceived(header.from(), header.zxid(), done);
            ctx.close();
        }
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        if (finished) {
            return;
        }
        finished = true;
        LOG.warn("server {} drops the snapshot stream from {}: {}", config.myId(),
                ctx.channel().remoteAddress(), reason);
        discard();
        ctx.close();
    }

    private void discard() {
        if (out == null) {
            return;
        }
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the partial snapshot {}: {}", file, e.toString());
        }
        out = null;
    }
}
