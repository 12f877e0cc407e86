package io.paddock.recipes.examples;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.config.WatchedConfig;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A watched, typed configuration value. */
public final class ConfigExample {
    public static void main(String[] args) throws Exception {
        System.out.println(run(args[0]));
    }

    static List<Integer> run(String connectString) throws Exception {
        try (PaddockClient client = Clients.connect(connectString)) {
            client.create().creatingParentsIfNeeded().forPath("/config/pool-size", utf8("8"));
            List<Integer> seen = new CopyOnWriteArrayList<>();
            CountDownLatch twoValues = new CountDownLatch(2);
            // tag::example[]
            WatchedConfig<Integer> poolSize = new WatchedConfig<>(client, "/config/pool-size",
                    bytes -> Integer.parseInt(new String(bytes, StandardCharsets.UTF_8)));
            poolSize.addListener(v -> seen.add(v.value().orElse(0)));   // every new value, in order
            poolSize.addListener(v -> twoValues.countDown());
            poolSize.start().awaitLoaded(Duration.ofSeconds(5));
            int now = poolSize.value().orElse(4);                          // always the latest
            // end::example[]
            client.setData().forPath("/config/pool-size", utf8(Integer.toString(now * 2)));
            Timing.latch(twoValues, Duration.ofSeconds(5));
            poolSize.close();
            return seen;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
