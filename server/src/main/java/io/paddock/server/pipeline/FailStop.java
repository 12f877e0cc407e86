package io.paddock.server.pipeline;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's one-way switch from serving to stopped. Once tripped, the persist stage logs
 * nothing more, the apply stage applies nothing more and the reply stage answers nothing more:
 * what the failure left unacknowledged stays so, and the owner is told once.
 *
 * <p>Thread-safe: tripped by whichever stage fails first; read by every stage before each
 * event. The volatile write happens before the failing stage's sequence moves on, so a later
 * stage that reaches the failed slot sees it.
 */
final class FailStop {
    private static final Logger LOG = LoggerFactory.getLogger(FailStop.class);

    private final FatalErrorHandler handler;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile boolean stopped;

    FailStop(FatalErrorHandler handler) {
        this.handler = handler;
    }

    boolean stopped() {
        return stopped;
    }

    void trip(String where, Throwable cause) {
        stopped = true;
        if (!reported.compareAndSet(false, true)) {
            LOG.error("after the fatal error: {}", where, cause);
            return;
        }
        LOG.error("FATAL: {}; the pipeline acknowledges nothing more", where, cause);
        try {
            handler.fatal(where, cause);
        } catch (RuntimeException e) {
            LOG.error("the fatal error handler failed", e);
        }
    }
}
