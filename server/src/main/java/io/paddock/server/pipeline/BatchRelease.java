package io.paddock.server.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

/**
 * The end of a batch in a ring's last stage: frees the batch's slots at once rather than when
 * the handler returns, then tells the paused connections how full the ring still is, so that
 * the room they wait for is there when their I/O threads look.
 *
 * <p>Used by one handler on its own thread.
 */
final class BatchRelease {
    private final RingBuffer<RequestEvent> ring;
    private final PausedConnections paused;
    private Sequence sequence;

    BatchRelease(RingBuffer<RequestEvent> ring, PausedConnections paused) {
        this.ring = ring;
        this.paused = paused;
    }

    /** The handler's own sequence, which gates the ring's producers. */
    void sequence(Sequence s) {
        sequence = s;
    }

    /** Call once nothing of the batch ending at {@code last} is read any more. */
    void release(long last) {
        if (sequence != null) {
            sequence.setVolatile(last);
        }
        paused.ringHolds(ring.getCursor() - last);
    }
}
