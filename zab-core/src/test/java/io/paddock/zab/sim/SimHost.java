package io.paddock.zab.sim;

import io.paddock.zab.message.PeerMessage;
import java.util.List;
import io.paddock.zab.Proposal;

/** What a {@link SimPeer} runtime needs from the simulated world around it. */
interface SimHost {

    long now();

    /** Puts a message on the wire; {@code snapshot} is the SNAP payload, else null. */
    void send(SimPeer from, PeerMessage message, List<Proposal> snapshot);

    /** The peer appended txns: queue an fsync of everything written so far. */
    void fsyncQueued(SimPeer peer);

    Checkers checkers();

    Trace traceLog();
}
