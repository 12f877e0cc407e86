package io.paddock.zab.message;

/**
 * A message between two peers. One sealed family, so the runtime's codec and the simulator's
 * network can switch over every kind exhaustively. The names follow the CONSTANTS of Zab.tla
 * (CEPOCH, NEWEPOCH, ACKEPOCH, NEWLEADER, ACKLD, COMMITLD, PROPOSE, ACK, COMMIT) plus
 * ZooKeeper's election notification, its sync-mode markers (DIFF, TRUNC, SNAP), observers'
 * INFORM and the heartbeat PING, plus the application's RELAY, which the core never sees.
 *
 * <p>Peers exchange messages over one FIFO channel per pair; a message may still be lost,
 * duplicated or arrive after a reconnect, and every handler must tolerate that.
 */
public sealed interface PeerMessage permits Notification, CEpoch, NewEpoch, AckEpoch, Diff,
        Trunc, Snap, NewLeader, AckLd, CommitLd, Propose, Ack, Commit, Inform, Ping, Relay {

    /** The sending peer's server id. */
    long from();

    /** The receiving peer's server id. */
    long to();
}
