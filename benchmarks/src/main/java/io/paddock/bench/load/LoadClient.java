package io.paddock.bench.load;

import java.util.Locale;

/**
 * Which client library drives the side-by-side throughput rows (create, setData, getData,
 * exists, the mix), chosen with {@code --client}. The watch and session-churn rows, and laying
 * out the keyspace, always use the official client. Immutable.
 */
public enum LoadClient {
    /** The official ZooKeeper 3.9.5 Java client's async API: the default, as before. */
    OFFICIAL,
    /**
     * Paddock's own client ({@code client.async()}), whose lighter I/O path leaves more of the
     * machine to the servers when the official client's threads are the bottleneck.
     */
    PADDOCK;

    /** The value of {@code --client}; IllegalArgumentException naming the option otherwise. */
    static LoadClient parse(String value) {
        for (LoadClient c : values()) {
            if (c.option().equalsIgnoreCase(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("--client expects official or paddock, got '"
                + value + "'");
    }

    /** The client that drives a row of this kind: the watch and churn rows keep the official. */
    LoadClient forRow(RowKind kind) {
        return kind == RowKind.WATCH || kind == RowKind.SESSION_CHURN ? OFFICIAL : this;
    }

    /** As written on the command line. */
    String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For the report: the library, named so a reader can tell the two runs apart. */
    String describe(String zookeeperVersion) {
        return this == OFFICIAL ? "official ZooKeeper " + zookeeperVersion + " Java client"
                : "Paddock client (io.paddock.client.PaddockClient)";
    }
}
