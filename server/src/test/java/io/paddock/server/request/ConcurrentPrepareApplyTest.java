package io.paddock.server.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.protocol.ACL;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.txn.CreateTxn;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * One prepare thread, one apply thread and a reader, as the pipeline runs them: names stay
 * gap-free and unique while pending changes are dropped concurrently.
 */
class ConcurrentPrepareApplyTest {
    private static final Prepared POISON = new Prepared(null, null, ErrorCode.OK);

    @Test
    void preparingWhileApplyingKeepsSequentialNamesExact() throws Exception {
        TreeHarness h = new TreeHarness();
        h.create("/seq", 0);
        int count = 3000;
        BlockingQueue<Prepared> ring = new ArrayBlockingQueue<>(64);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<List<String>> prepare = pool.submit(() -> {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Prepared p = h.prepare(1, OpCode.CREATE, new CreateRequest("/seq/n-", null,
                            ACL.OPEN_ACL_UNSAFE, 2), List.of());
                    names.add(((CreateTxn) p.txn()).path());
                    ring.put(p);
                    if (i % 3 == 0) {
                        ring.put(h.prepare(1, OpCode.DELETE,
                                new DeleteRequest(names.get(i), -1), List.of()));
                    }
                }
                ring.put(POISON);
                return names;
            });
            Future<Integer> apply = pool.submit(() -> {
                int failures = 0;
                for (Prepared p = ring.take(); p != POISON; p = ring.take()) {
                    if (h.tree.apply(p.header(), p.txn()).error() != ErrorCode.OK) {
                        failures++;
                    }
                    h.preparer.applied(p.header().zxid());
                }
                done.set(true);
                return failures;
            });
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (!done.get()) {
                    var node = h.tree.node("/seq");
                    reads += node.children().size() >= 0 ? 1 : 0;
                    h.tree.stat("/seq");
                    h.tree.descendantCount("/seq");
                }
                return reads;
            });
            List<String> names = Timing.get(prepare, Duration.ofSeconds(60));
            assertEquals(0, Timing.get(apply, Duration.ofSeconds(60)));
            Timing.get(reader, Duration.ofSeconds(60));
            for (int i = 0; i < count; i++) {
                assertEquals(String.format("/seq/n-%010d", i), names.get(i));
            }
            assertEquals(count - (count + 2) / 3, h.tree.node("/seq").childCount());
            assertEquals(0, h.preparer.outstandingChanges());
        } finally {
            pool.shutdownNow();
        }
    }
}
