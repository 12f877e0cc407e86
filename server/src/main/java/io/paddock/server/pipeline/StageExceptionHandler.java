package io.paddock.server.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import io.paddock.protocol.op.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a ring does when one of its handlers throws. For the persist and apply stages every
 * exception is fatal: a txn log that failed to append or flush must never be acknowledged or
 * retried, and a logged txn that cannot be applied is a bug that has left the tree in doubt.
 * The prepare and reply stages change no state, so their exceptions are logged and the ring
 * carries on; an {@link Error} is fatal anywhere.
 *
 * <p>Thread-safe: called on the failing handler's thread.
 */
final class StageExceptionHandler implements ExceptionHandler<RequestEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StageExceptionHandler.class);

    private final String stage;
    private final FailStop failStop;
    private final boolean fatal;

    StageExceptionHandler(String stage, FailStop failStop, boolean fatal) {
        this.stage = stage;
        this.failStop = failStop;
        this.fatal = fatal;
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, RequestEvent event) {
        if (fatal || ex instanceof Error) {
            failStop.trip(stage + " stage failed at " + describe(event), ex);
        } else {
            LOG.error("{} stage failed at sequence {} ({}); carrying on", stage, sequence,
                    describe(event), ex);
        }
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        failStop.trip(stage + " stage failed to start", ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        LOG.error("{} stage failed to stop", stage, ex);
    }

    /** "zxid 0x1f (create, session 0x…)": enough to find the txn in the log. */
    static String describe(RequestEvent e) {
        if (e == null) {
            return "an unknown request";
        }
        String what = OpCode.name(e.opCode) + ", session 0x" + Long.toHexString(e.sessionId);
        return e.header == null ? what : "zxid 0x" + Long.toHexString(e.header.zxid())
                + " (" + what + ")";
    }
}
