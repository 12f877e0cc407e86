package io.paddock.server.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

/**
 * [ensemble] The request ring's one stage on a member of an ensemble: prepare, then route, on
 * one thread. A standalone server splits the two so that preparing goes on while the log
 * fsyncs; routing never waits (it holds, proposes or forwards), so here the split would only
 * add a thread hand-off to every request, and a wake-up is what a request on a busy machine
 * waits for most. One thread also gives {@link LeaderTakeover} its guarantee for free: when
 * the takeover marker is prepared, everything before it has been routed.
 *
 * <p>Runs on the request ring's one consumer thread.
 */
final class PrepareAndReplicate implements EventHandler<RequestEvent> {
    private final PrepareHandler prepare;
    private final ReplicateHandler replicate;

    PrepareAndReplicate(PrepareHandler prepare, ReplicateHandler replicate) {
        this.prepare = prepare;
        this.replicate = replicate;
    }

    @Override
    public void setSequenceCallback(Sequence sequence) {
        replicate.setSequenceCallback(sequence);
    }

    @Override
    public void onEvent(RequestEvent e, long sequence, boolean endOfBatch) {
        prepare.onEvent(e, sequence, endOfBatch);
        replicate.onEvent(e, sequence, endOfBatch);
    }
}
