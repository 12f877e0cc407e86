package io.paddock.recipes.testing;

import java.net.InetSocketAddress;

/** A server the recipe tests run against, in this JVM on an ephemeral loopback port. */
public interface TestServer extends AutoCloseable {
    /** The longest session a test client may negotiate (ordinary clients ask for 4 s). */
    int MAX_SESSION_TIMEOUT_MS = 10_000;

    String connectString();

    InetSocketAddress address();

    @Override
    void close();
}
