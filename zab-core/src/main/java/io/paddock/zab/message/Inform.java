package io.paddock.zab.message;

import io.paddock.zab.Proposal;

/** INFORM: a committed txn, sent to observers, which never see PROPOSE or COMMIT. */
public record Inform(long from, long to, Proposal proposal) implements PeerMessage {
}
