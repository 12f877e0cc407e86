package io.paddock.zab.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes the application above ZAB sends to another peer over the same FIFO channel as the
 * protocol's messages (a server forwarding a client's write to its leader, the leader's answer to
 * a sync). The core never sees one: the runtime hands relays to the application as they arrive.
 *
 * @param payload owned by the message once built; never changed afterwards
 */
public record Relay(long from, long to, byte[] payload) implements PeerMessage {

    /** By content: two relays carrying the same bytes are the same message. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Relay r && r.from == from && r.to == to
                && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Relay[" + from + "->" + to + ", " + payload.length + " bytes]";
    }
}
