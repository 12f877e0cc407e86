package io.paddock.zab.message;

import io.paddock.zab.Proposal;

/**
 * INFORM: a committed txn, sent to observers, which never see PROPOSE or COMMIT once in
 * BROADCAST. {@code previousZxid} is the committed txn just before it in the leader's history (0 if
 * none), so an observer can tell a lost INFORM from the next one (see {@link Propose}).
 */
public record Inform(long from, long to, Proposal proposal, long previousZxid)
        implements PeerMessage {
}
