package io.paddock.server.testing;

import io.paddock.storage.log.ForwardingTxnLog;
import io.paddock.storage.log.TxnLog;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A txn log whose flushes a test can hold: while held, the persist stage waits in its flush, so
 * the request ring fills behind it. Wrap the server's log with it through
 * {@link io.paddock.server.ServerHooks#withTxnLog}.
 *
 * <p>Thread-safe: the persist thread flushes, the test thread holds and releases.
 */
public final class GatedTxnLog extends ForwardingTxnLog {
    /** A held flush gives up after this, so a broken test cannot hang the build. */
    private static final long MAX_HOLD_SECONDS = 120;

    private volatile CountDownLatch gate;
    private volatile boolean waiting;

    public GatedTxnLog(TxnLog log) {
        super(log);
    }

    /** Flushes from now on wait until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** Whether the persist stage is waiting in a held flush right now. */
    public boolean holdingAFlush() {
        return waiting;
    }

    @Override
    public void flush() {
        CountDownLatch g = gate;
        if (g != null) {
            waiting = true;
            try {
                g.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting = false;
            }
        }
        delegate.flush();
    }

    @Override
    public void close() {
        release();
        delegate.close();
    }
}
