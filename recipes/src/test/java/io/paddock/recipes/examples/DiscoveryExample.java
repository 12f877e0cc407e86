package io.paddock.recipes.examples;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.discovery.RoundRobinStrategy;
import io.paddock.recipes.discovery.ServiceDiscovery;
import io.paddock.recipes.discovery.ServiceInstance;
import io.paddock.recipes.discovery.ServiceProvider;
import java.time.Duration;
import java.util.Map;

/** Registering a service instance and finding one. */
public final class DiscoveryExample {
    public static void main(String[] args) throws Exception {
        System.out.println(run(args[0]));
    }

    static ServiceInstance run(String connectString) throws Exception {
        try (PaddockClient client = Clients.connect(connectString)) {
            // tag::example[]
            try (ServiceDiscovery registry = new ServiceDiscovery(client)) {   // under /services
                registry.register(new ServiceInstance("orders", "orders-1", "10.0.0.7", 8080,
                        Map.of("version", "2.1")), Duration.ofSeconds(5));
                ServiceProvider orders = registry.provider("orders", new RoundRobinStrategy());
                orders.addListener(all -> System.out.println("orders now: " + all.size()));
                orders.awaitInitialized(Duration.ofSeconds(5));
                return orders.getInstance().orElseThrow();     // next instance, round-robin
            }
            // end::example[]
        }
    }
}
