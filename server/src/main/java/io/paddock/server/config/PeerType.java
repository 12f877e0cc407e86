package io.paddock.server.config;

import java.util.Locale;

/** A member's part in an ensemble, as ZooKeeper's {@code server.N} lines and peerType say it. */
public enum PeerType {
    /** Votes in elections and acknowledges proposals (ZooKeeper's default). */
    PARTICIPANT,
    /** Learns the committed txns and serves clients, never votes. */
    OBSERVER;

    /** The word zoo.cfg and {@code /zookeeper/config} use: {@code participant} or {@code observer}. */
    public String configWord() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code participant} or {@code observer}, in any case and with blanks around it, as
     * ZooKeeper does.
     *
     * @throws IllegalArgumentException for any other word
     */
    static PeerType parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (PeerType t : values()) {
            if (t.configWord().equals(w)) {
                return t;
            }
        }
        throw new IllegalArgumentException("expected participant or observer, found '" + word + "'");
    }
}
