package io.paddock.recipes.discovery;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Each call takes the next instance in id order, wrapping around. Thread-safe. */
public final class RoundRobinStrategy implements ProviderStrategy {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Optional<ServiceInstance> choose(List<ServiceInstance> instances) {
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        int turn = next.getAndIncrement() & Integer.MAX_VALUE;
        return Optional.of(instances.get(turn % instances.size()));
    }
}
