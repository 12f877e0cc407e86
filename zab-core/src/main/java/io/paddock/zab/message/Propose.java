package io.paddock.zab.message;

import io.paddock.zab.Proposal;

/** PROPOSE: log this txn and acknowledge it once durable. */
public record Propose(long from, long to, Proposal proposal) implements PeerMessage {
}
