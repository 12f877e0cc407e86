package io.paddock.client;

import io.paddock.client.testing.PaddockTestServer;
import io.paddock.client.testing.TestServer;

/** The client contract against Paddock's own server. */
class PaddockClientTest extends ClientContract {
    @Override
    TestServer startServer(int tickTime) {
        return new PaddockTestServer(tickTime);
    }
}
