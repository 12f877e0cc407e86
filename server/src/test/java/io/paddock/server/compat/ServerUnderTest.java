package io.paddock.server.compat;

/**
 * A server a compatibility test drives: Paddock, or Apache ZooKeeper as the reference.
 * Implementations are started and closed by one test thread.
 */
interface ServerUnderTest extends AutoCloseable {
    /** "127.0.0.1:port". */
    String connectString();

    int port();

    /** The frame length above which the server must refuse a frame. */
    int juteMaxBuffer();

    /** Whether the settings' super digest reached the server (the reference fixes it per JVM). */
    boolean honoursSuperDigest();

    /** Whether this is the Apache ZooKeeper reference rather than Paddock. */
    default boolean isReference() {
        return false;
    }

    /**
     * What srvr, stat and mntr report as the mode of the server the client is connected to:
     * standalone, or follower for an ensemble target.
     */
    default String mode() {
        return "standalone";
    }

    @Override
    void close();
}
