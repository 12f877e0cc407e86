package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import io.paddock.zab.message.PeerMessage;
import java.util.List;

/**
 * A message in flight. {@code snapshot} rides along with a SNAP: the sender's delivered prefix up
 * to the SNAP's zxid, captured when it was sent. A {@code stale} envelope belonged to a connection
 * that broke; it may still arrive, after messages sent on the new connection.
 */
record Envelope(PeerMessage message, List<Proposal> snapshot, long seq, long deliverAt, boolean stale)
        implements Comparable<Envelope> {

    long from() {
        return message.from();
    }

    long to() {
        return message.to();
    }

    Envelope at(long time, boolean isStale) {
        return new Envelope(message, snapshot, seq, time, isStale);
    }

    @Override
    public int compareTo(Envelope other) {
        int c = Long.compare(deliverAt, other.deliverAt);
        return c != 0 ? c : Long.compare(seq, other.seq);
    }
}
