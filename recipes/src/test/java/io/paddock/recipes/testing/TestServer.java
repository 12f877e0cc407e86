package io.paddock.recipes.testing;

import java.net.InetSocketAddress;

/** A server the recipe tests run against, in this JVM on an ephemeral loopback port. */
public interface TestServer extends AutoCloseable {
    String connectString();

    InetSocketAddress address();

    @Override
    void close();
}
