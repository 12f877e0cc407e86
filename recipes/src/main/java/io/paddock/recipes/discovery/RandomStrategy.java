package io.paddock.recipes.discovery;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Picks uniformly at random. Thread-safe if its generator is (the default one is). */
public final class RandomStrategy implements ProviderStrategy {
    private final RandomGenerator random;

    public RandomStrategy() {
        this(RandomGenerator.getDefault());
    }

    /** @param random inject a seeded generator for repeatable choices */
    public RandomStrategy(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public Optional<ServiceInstance> choose(List<ServiceInstance> instances) {
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(instances.get(random.nextInt(instances.size())));
    }
}
