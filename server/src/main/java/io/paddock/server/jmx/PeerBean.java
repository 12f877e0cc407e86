package io.paddock.server.jmx;

import io.paddock.server.admin.PeerView;

/** {@link PeerMXBean} over the peer's view. Thread-safe: reads live values. */
final class PeerBean implements PeerMXBean {
    private final PeerView peer;

    PeerBean(PeerView peer) {
        this.peer = peer;
    }

    @Override
    public String getRole() {
        return peer.role();
    }

    @Override
    public String getPeerState() {
        return peer.peerState();
    }

    @Override
    public long getEpoch() {
        return peer.epoch();
    }

    @Override
    public String getLastLoggedZxid() {
        return "0x" + Long.toHexString(peer.lastLoggedZxid());
    }

    @Override
    public String getLastAppliedZxid() {
        return "0x" + Long.toHexString(peer.lastAppliedZxid());
    }

    @Override
    public String[] getLearners() {
        return peer.learners().toArray(String[]::new);
    }
}
