package io.paddock.recipes.examples;

import io.paddock.client.PaddockClient;
import io.paddock.client.retry.ExponentialBackoffRetry;
import io.paddock.testing.Timing;
import java.time.Duration;

/** How every example connects. */
final class Clients {
    private Clients() {
    }

    static PaddockClient connect(String connectString) {
        PaddockClient client = PaddockClient.builder()
                .connectString(connectString)
                .sessionTimeout(Duration.ofSeconds(10))
                .retryPolicy(new ExponentialBackoffRetry(Duration.ofMillis(100), 5))
                .build()
                .start();
        if (!client.blockUntilConnected(Timing.scaled(Duration.ofSeconds(10)))) {
            throw new IllegalStateException("cannot reach " + connectString);
        }
        return client;
    }
}
