package io.paddock.recipes.discovery;

import java.util.List;

/** Told each time a service's set of instances changes; on the client's event thread. */
@FunctionalInterface
public interface ServiceListener {
    /** @param instances the live instances now, in id order */
    void instancesChanged(List<ServiceInstance> instances);
}
