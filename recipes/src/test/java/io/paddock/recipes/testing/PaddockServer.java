package io.paddock.recipes.testing;

import io.paddock.server.testing.PaddockTestingServer;
import java.net.InetSocketAddress;

/** Paddock's standalone server. */
public final class PaddockServer implements TestServer {
    private final PaddockTestingServer server;

    public PaddockServer(int tickTime) {
        this.server = PaddockTestingServer.builder().tickTime(tickTime).start();
    }

    @Override
    public String connectString() {
        return server.connectString();
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    @Override
    public void close() {
        server.close();
    }
}
