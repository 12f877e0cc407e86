package io.paddock.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.paddock.protocol.ConnectResponse;
import io.paddock.protocol.EmptyRequest;
import io.paddock.protocol.Record;
import io.paddock.protocol.WatcherEvent;
import io.paddock.protocol.op.OpCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure without a Disruptor thread: the test plays the I/O thread (running the tasks a
 * connection is handed) and the rings' last stages (moving their sequences and signalling).
 */
class RingAdmissionTest {
    private static final int SIZE = 4;

    private final RingBuffer<RequestEvent> requestRing =
            RingBuffer.createMultiProducer(RequestEvent::new, SIZE);
    private final RingBuffer<RequestEvent> commitRing =
            RingBuffer.createMultiProducer(RequestEvent::new, SIZE);
    private final Sequence persisted = new Sequence(-1);
    private final Sequence replied = new Sequence(-1);
    private final RingAdmission admission;
    private final FakeChannel channel = new FakeChannel();

    RingAdmissionTest() {
        requestRing.addGatingSequences(persisted);
        commitRing.addGatingSequences(replied);
        admission = new RingAdmission(requestRing, commitRing, SIZE);
    }

    private void write(int xid) {
        admission.submit(channel, 1, xid, OpCode.SET_DATA, EmptyRequest.INSTANCE, List.of(), false);
    }

    private void read(int xid) {
        admission.submit(channel, 1, xid, OpCode.GET_DATA, EmptyRequest.INSTANCE, List.of(), false);
    }

    /** The xids in a ring's published slots from {@code from} to its cursor. */
    private static List<Integer> xids(RingBuffer<RequestEvent> ring, long from) {
        List<Integer> out = new ArrayList<>();
        for (long s = from; s <= ring.getCursor(); s++) {
            out.add(ring.get(s).xid);
        }
        return out;
    }

    /** The request ring's last stage has taken everything and frees it. */
    private void persistAll() {
        persisted.set(requestRing.getCursor());
        admission.paused().ringHolds(0);
    }

    @Test
    void aFullRingStopsReadingAndKeepsLaterRequestsInOrderUntilItDrains() {
        for (int xid = 1; xid <= 4; xid++) {
            write(xid);
        }
        assertTrue(channel.reading);
        write(5);
        read(6); // behind a held-back write: it must not take the fast path around it
        write(7);

        assertFalse(channel.reading, "a full ring stops the connection reading");
        assertEquals(List.of(1, 2, 3, 4), xids(requestRing, 0));
        assertEquals(3, channel.backlog().size());
        assertEquals(1, admission.paused().count());
        assertEquals(1, admission.paused().pauses());
        assertEquals(-1, commitRing.getCursor(), "the read waits behind the writes");

        persistAll();
        assertEquals(1, channel.tasks.size(), "the drain is handed to the connection's I/O thread");
        channel.runTasks();

        assertEquals(List.of(5, 6, 7), xids(requestRing, 4));
        assertTrue(channel.reading);
        assertTrue(channel.backlog().isEmpty());
        assertEquals(0, admission.paused().count());
    }

    @Test
    void aSignalWithNoRoomLeavesTheConnectionWaitingForTheNext() {
        for (int xid = 1; xid <= 5; xid++) {
            write(xid);
        }
        // A stage that signals while the ring is still full (room taken by someone else).
        admission.paused().ringHolds(0);
        channel.runTasks();
        assertFalse(channel.reading);
        assertEquals(1, admission.paused().count(), "registered again for the next signal");

        persistAll();
        channel.runTasks();
        assertTrue(channel.reading);
        assertEquals(List.of(5), xids(requestRing, 4));
    }

    @Test
    void noResumeAboveTheLowWaterMark() {
        for (int xid = 1; xid <= 5; xid++) {
            write(xid);
        }
        persisted.set(0);
        admission.paused().ringHolds(SIZE / 2 + 1);
        assertTrue(channel.tasks.isEmpty());
        admission.paused().ringHolds(SIZE / 2);
        assertEquals(1, channel.tasks.size());
    }

    @Test
    void readsWithNoWriteAheadTakeTheCommitRingAndWaitWhenItIsFull() {
        for (int xid = 1; xid <= 5; xid++) {
            read(xid);
        }
        assertEquals(List.of(1, 2, 3, 4), xids(commitRing, 0));
        assertEquals(-1, requestRing.getCursor());
        assertFalse(channel.reading);

        replied.set(commitRing.getCursor());
        admission.paused().ringHolds(0);
        channel.runTasks();
        assertEquals(List.of(5), xids(commitRing, 4));
        assertTrue(channel.reading);
    }

    @Test
    void aClosedConnectionsHeldBackRequestsAreDropped() {
        for (int xid = 1; xid <= 6; xid++) {
            write(xid);
        }
        admission.forget(channel);
        assertTrue(channel.backlog().isEmpty());
        assertEquals(0, admission.paused().count());
        persistAll();
        assertTrue(channel.tasks.isEmpty());
        assertEquals(3, requestRing.getCursor());
    }

    @Test
    void aWriteThatFoundNoRoomIsNotLeftInTheFence() {
        for (int xid = 1; xid <= 5; xid++) {
            write(xid);
        }
        WriteFence fence = channel.writeFence();
        for (int i = 0; i < 4; i++) {
            assertFalse(fence.clear());
            fence.applied();
        }
        assertTrue(fence.clear(), "only the four published writes were counted");
    }

    /** A connection whose I/O thread is the test: tasks queue until it runs them. */
    private static final class FakeChannel implements ClientChannel {
        private final WriteFence fence = new WriteFence();
        private final RequestBacklog backlog = new RequestBacklog();
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private boolean reading = true;

        void runTasks() {
            for (Runnable r = tasks.poll(); r != null; r = tasks.poll()) {
                r.run();
            }
        }

        @Override
        public RequestBacklog backlog() {
            return backlog;
        }

        @Override
        public void setReading(boolean on) {
            reading = on;
        }

        @Override
        public void runOnIoThread(Runnable task) {
            tasks.add(task);
        }

        @Override
        public WriteFence writeFence() {
            return fence;
        }

        @Override
        public void writeReply(int xid, long zxid, int err, Record body) {
        }

        @Override
        public void writeConnectResponse(ConnectResponse response) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void closeAfterFlush(String reason) {
        }

        @Override
        public void completed(long latencyNanos) {
        }

        @Override
        public long sessionId() {
            return 1;
        }

        @Override
        public void sendEvent(WatcherEvent event) {
        }

        @Override
        public void close(String reason) {
        }
    }
}
