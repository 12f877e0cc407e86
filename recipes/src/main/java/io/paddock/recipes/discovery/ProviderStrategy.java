package io.paddock.recipes.discovery;

import java.util.List;
import java.util.Optional;

/** Picks one instance among the live ones. Implementations must be thread-safe. */
@FunctionalInterface
public interface ProviderStrategy {
    /** @param instances the live instances, in id order; may be empty */
    Optional<ServiceInstance> choose(List<ServiceInstance> instances);
}
