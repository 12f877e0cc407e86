package io.paddock.storage.log;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MemoryTxnLogTest extends TxnLogContract {

    @Override
    protected TxnLog newLog() {
        return new MemoryTxnLog();
    }

    /** readFrom itself never fails while the writer truncates and appends again. */
    @Test
    void readFromKeepsWorkingWhileTheWriterTruncates() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                while (!done.get()) {
                    log.readFrom(FIRST + 1).hasNext();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "reader");
        reader.start();
        try {
            for (int round = 0; round < 100_000; round++) {
                appendRun(8);
                log.flush();
                log.truncateAfter(FIRST + 2);
            }
        } finally {
            done.set(true);
            reader.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("readFrom failed during a truncation", failure.get());
        }
    }
}
