package io.paddock.zab;

/** The phase of the protocol a peer is in (Zab paper, section 3; Zab.tla's phase names). */
public enum Phase {
    ELECTION,
    DISCOVERY,
    SYNCHRONIZATION,
    BROADCAST
}
