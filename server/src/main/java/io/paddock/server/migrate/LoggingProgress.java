package io.paddock.server.migrate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how far a long import got, at each tenth of the bytes, when there are enough bytes for
 * it to take a while; a small import logs nothing here.
 *
 * <p>Not thread-safe: the importing thread only.
 */
final class LoggingProgress implements Progress {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingProgress.class);
    private static final long WORTH_LOGGING = 64L << 20;

    private long total;
    private long done;
    private int lastTenth;

    @Override
    public void start(long totalBytes) {
        total = totalBytes;
        if (total >= WORTH_LOGGING) {
            LOG.info("importing {} MiB of ZooKeeper data", total >> 20);
        }
    }

    @Override
    public void advance(long bytes) {
        done += bytes;
        if (total < WORTH_LOGGING) {
            return;
        }
        int tenth = (int) Math.min(10, done * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            LOG.info("import: {}% ({} of {} MiB read)", tenth * 10, done >> 20, total >> 20);
        }
    }

    @Override
    public void finish() {
    }
}
