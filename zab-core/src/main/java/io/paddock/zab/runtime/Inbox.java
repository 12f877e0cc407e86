package io.paddock.zab.runtime;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The driver thread's only input: many producers (transport, scheduler, persist thread, clients),
 * one consumer. Ticks are coalesced: while one waits, the next is skipped, so a driver that falls
 * behind sees its clock slow down instead of a burst of ticks that would fire every timeout at
 * once. Once closed (the driver stopped), proposals posted are refused at once instead of waiting
 * for ever.
 *
 * <p>Thread-safe.
 */
final class Inbox {
    private static final Input.Tick TICK = new Input.Tick();

    private final LinkedBlockingQueue<Input> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private volatile boolean closed;

    void post(Input input) {
        queue.add(input);
        if (closed) {
            // The driver is gone: whoever posted after it left refuses what it posted itself.
            // (Post adds, then checks; close sets, then drains: each proposal is refused once.)
            refuseAll();
        }
    }

    /** The driver has stopped: refuses every proposal waiting now or posted later. */
    void close() {
        closed = true;
        refuseAll();
    }

    void tick() {
        if (tickQueued.compareAndSet(false, true)) {
            queue.add(TICK);
        }
    }

    /** The next input, waiting for one. */
    Input take() throws InterruptedException {
        return taken(queue.take());
    }

    /** The next input, or null if there is none now. */
    Input poll() {
        Input input = queue.poll();
        return input == null ? null : taken(input);
    }

    private void refuseAll() {
        for (Input input = queue.poll(); input != null; input = queue.poll()) {
            ProposalException stopped = ProposalException.refused("the peer stopped");
            if (input instanceof Input.Submit s) {
                s.done().completeExceptionally(stopped);
            } else if (input instanceof Input.Propose p) {
                p.done().completeExceptionally(stopped);
            }
        }
    }

    private Input taken(Input input) {
        if (input == TICK) {
            tickQueued.set(false);
        }
        return input;
    }
}
