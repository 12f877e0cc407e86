package io.paddock.server.ensemble;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.config.OperationsConfig;
import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.testing.Timing;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** [ensemble] The leader's Prometheus endpoint carries ZooKeeper's quorum metric names. */
class EnsembleMetricsTest {

    @Test
    void theLeadersMetricsCountItsLearners() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.startWithOperations(3,
                OperationsConfig.ephemeral())) {
            long leader = ensemble.awaitLeader();
            InetSocketAddress metrics = ensemble.server(leader).prometheusAddress();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + metrics.getPort() + "/metrics")).build();
            Timing.await().until(() -> http.send(get, HttpResponse.BodyHandlers.ofString()).body()
                    .contains("\nsynced_followers 2.0"));
            String body = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
            for (String name : new String[] {"quorum_size 3.0", "learners 2.0", "leader_uptime "}) {
                assertTrue(body.contains("\n" + name), name);
            }
        }
    }
}
