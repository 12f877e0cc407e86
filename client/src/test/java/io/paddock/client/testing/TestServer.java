package io.paddock.client.testing;

import java.net.InetSocketAddress;

/** A server the client tests run against: Paddock's or Apache ZooKeeper's, in this JVM. */
public interface TestServer extends AutoCloseable {
    /** The longest session a test client may negotiate (ordinary clients ask for 4 s). */
    int MAX_SESSION_TIMEOUT_MS = 10_000;

    String connectString();

    InetSocketAddress address();

    /** Whether TTL nodes are enabled (ZooKeeper needs a system property we do not set). */
    boolean supportsTtl();

    @Override
    void close();
}
