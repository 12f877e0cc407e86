package io.paddock.recipes.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.PaddockTestingServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Runs every example against a Paddock server, so the README snippets stay true. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesTest {
    private PaddockTestingServer server;

    @BeforeAll
    void start() {
        server = PaddockTestingServer.builder().tickTime(100).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void naming() {
        assertTrue(NamingExample.run(server.connectString()).matches("order-\\d{10}"));
    }

    @Test
    void config() throws Exception {
        assertEquals(List.of(8, 16), ConfigExample.run(server.connectString()));
    }

    @Test
    void membership() throws Exception {
        assertTrue(MembershipExample.run(server.connectString()).contains("worker-1"));
    }

    @Test
    void discovery() throws Exception {
        assertEquals("orders-1", DiscoveryExample.run(server.connectString()).id());
    }

    @Test
    void leaderElection() throws Exception {
        assertTrue(LeaderElectionExample.run(server.connectString()));
    }

    @Test
    void lock() throws Exception {
        assertTrue(LockExample.run(server.connectString()));
    }
}
