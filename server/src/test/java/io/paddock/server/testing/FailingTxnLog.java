package io.paddock.server.testing;

import io.paddock.storage.log.ForwardingTxnLog;
import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A txn log that a test can break, as a disk that fills up would: once {@link #breakNow()} is
 * called, appended txns never reach the real log and the next flush throws an unchecked
 * exception naming the log directory, as storage reports an IOException. What was flushed
 * before stays flushed.
 *
 * <p>Thread-safe to break from a test thread; the persist thread does the rest.
 */
public final class FailingTxnLog extends ForwardingTxnLog {
    private final Path dir;
    private volatile boolean broken;
    private long lastAppended;

    public FailingTxnLog(TxnLog log, Path dir) {
        super(log);
        this.dir = dir;
        this.lastAppended = delegate.lastAppendedZxid();
    }

    public void breakNow() {
        broken = true;
    }

    /** The message the failed flush carries. */
    public String failureMessage() {
        return "cannot flush the txn log in " + dir;
    }

    @Override
    public void append(Txn txn) {
        if (!broken) {
            delegate.append(txn);
        }
        lastAppended = txn.zxid();
    }

    @Override
    public void flush() {
        if (broken) {
            throw new UncheckedIOException(failureMessage(),
                    new IOException("No space left on device (injected)"));
        }
        delegate.flush();
    }

    @Override
    public long lastAppendedZxid() {
        return lastAppended;
    }
}
