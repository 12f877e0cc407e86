package io.paddock.zab.runtime;

import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.transport.Transport;
import io.paddock.zab.transport.TransportListener;
import java.util.List;

/** A transport that goes nowhere: for a peer alone, or one whose network does not matter. */
final class NoTransport implements Transport {
    @Override
    public void start(TransportListener listener) {
    }

    @Override
    public void send(List<PeerMessage> messages) {
    }

    @Override
    public void sendSnapshot(long to, long zxid, byte[] snapshot) {
    }

    @Override
    public void close() {
    }
}
