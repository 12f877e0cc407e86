package io.paddock.zab.runtime;

import io.paddock.zab.Proposal;
import io.paddock.zab.message.PeerMessage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** One thing for the driver thread to feed its core, posted to the {@link Inbox} by any thread. */
sealed interface Input {

    /** A tick of the scheduler. */
    record Tick() implements Input {
    }

    /** A message from the transport. */
    record Received(PeerMessage message) implements Input {
    }

    /** The transport lost its connection to a peer. */
    record Disconnected(long peerId) implements Input {
    }

    /** The persist stage made the log durable up to {@code zxid}, in log generation {@code generation}. */
    record Persisted(long generation, long zxid) implements Input {
    }

    /** A snapshot stream from {@code from} is complete in {@code file}. */
    record SnapshotArrived(long from, long zxid, Path file) implements Input {
    }

    /** A proposal with its zxid assigned by the caller. */
    record Propose(Proposal proposal, CompletableFuture<Long> done) implements Input {
    }

    /** A proposal whose zxid the driver assigns. */
    record Submit(int type, byte[] data, CompletableFuture<Long> done) implements Input {
    }

    /** Another runtime thread failed; the driver stops. */
    record Failed(String where, Throwable cause) implements Input {
    }

    /** Stop the driver. */
    record Stop() implements Input {
    }
}
