package io.paddock.recipes.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.testing.Timing;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** ServiceDiscovery and ServiceProvider: registration, strategies, listeners, process death. */
public abstract class DiscoveryContract extends RecipeTestBase {

    private ServiceDiscovery discovery(io.paddock.client.PaddockClient c) {
        return closeLater(new ServiceDiscovery(c, base + "/services"));
    }

    @Test
    void instancesAreFoundAndChosenRoundRobinOrAtRandom() throws Exception {
        ServiceDiscovery one = discovery(newClient());
        ServiceDiscovery two = discovery(newClient());
        ServiceInstance i1 = new ServiceInstance("orders", "i1", "10.0.0.1", 8080,
                Map.of("zone", "a", "odd", "line\nbreak\\slash"));
        assertTrue(one.register(i1, Timing.scaled(WAIT)));
        assertTrue(one.register(new ServiceInstance("orders", "i2", "10.0.0.2", 8080), Timing.scaled(WAIT)));
        assertTrue(two.register(new ServiceInstance("orders", "i3", "10.0.0.3", 8081), Timing.scaled(WAIT)));
        assertTrue(two.register(new ServiceInstance("billing", "b1", "10.0.1.1", 9000), Timing.scaled(WAIT)));

        ServiceDiscovery reader = discovery(client);
        assertEquals(List.of("billing", "orders"), reader.queryForNames());
        List<ServiceInstance> orders = reader.queryForInstances("orders");
        assertEquals(List.of("i1", "i2", "i3"), orders.stream().map(ServiceInstance::id).toList());
        assertEquals(i1, orders.get(0), "payload round-trips");

        ServiceProvider roundRobin = reader.provider("orders", new RoundRobinStrategy());
        assertTrue(roundRobin.awaitInitialized(Timing.scaled(WAIT)));
        List<String> picks = new CopyOnWriteArrayList<>();
        for (int k = 0; k < 6; k++) {
            picks.add(roundRobin.getInstance().orElseThrow().id());
        }
        assertEquals(List.of("i1", "i2", "i3", "i1", "i2", "i3"), picks);

        ServiceProvider random = reader.provider("orders", new RandomStrategy(new SplittableRandom(7)));
        assertTrue(random.awaitInitialized(Timing.scaled(WAIT)));
        Set<String> chosen = new HashSet<>();
        for (int k = 0; k < 50; k++) {
            chosen.add(random.getInstance().orElseThrow().id());
        }
        assertEquals(Set.of("i1", "i2", "i3"), chosen);
    }

    @Test
    void servicesOfAClientWhoseSessionDiesDisappear() throws Exception {
        ServiceDiscovery reader = discovery(client);
        ServiceProvider provider = reader.provider("orders", new RoundRobinStrategy());
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        provider.addListener(now -> sizes.add(now.size()));
        assertTrue(provider.awaitInitialized(Timing.scaled(WAIT)));

        ServiceDiscovery survivor = discovery(newClient());
        survivor.register(new ServiceInstance("orders", "alive", "10.0.0.1", 1), Timing.scaled(WAIT));
        Doomed doomed = doomedClient();
        ServiceDiscovery dying = discovery(doomed.client());
        dying.register(new ServiceInstance("orders", "dying-1", "10.0.0.2", 1), Timing.scaled(WAIT));
        dying.register(new ServiceInstance("orders", "dying-2", "10.0.0.3", 1), Timing.scaled(WAIT));
        Timing.await(WAIT).until(() -> provider.getAllInstances().size() == 3);

        doomed.expire();
        Timing.await(WAIT).until(() -> provider.getAllInstances().size() == 1);
        assertEquals("alive", provider.getInstance().orElseThrow().id());
        assertEquals(List.of("alive"),
                reader.queryForInstances("orders").stream().map(ServiceInstance::id).toList());
        // an initial [0] may or may not come first: the listener was added after start
        assertEquals(List.of(1, 2, 3, 2, 1), sizes.subList(sizes.indexOf(1), sizes.size()));
    }

    @Test
    void unregisteringRemovesTheInstanceAtOnce() throws Exception {
        ServiceDiscovery registry = discovery(newClient());
        ServiceInstance instance = new ServiceInstance("search", "s1", "h", 1);
        registry.register(instance, Timing.scaled(WAIT));
        ServiceProvider provider = discovery(client).provider("search", new RoundRobinStrategy());
        Timing.await(WAIT).until(() -> provider.getInstance().isPresent());
        registry.unregister(instance);
        Timing.await(WAIT).until(() -> provider.getInstance().isEmpty());
    }

    @Test
    void theInstanceFormatIsKeyValueLines() {
        ServiceInstance instance = new ServiceInstance("s", "i", "host", 80, Map.of("k", "a=b"));
        assertEquals("address=host\nport=80\nmeta.k=a=b\n", string(instance.toBytes()));
        assertEquals(instance, ServiceInstance.fromBytes("s", "i", instance.toBytes()));
    }
}
