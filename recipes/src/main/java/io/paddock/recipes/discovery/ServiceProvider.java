package io.paddock.recipes.discovery;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.cache.TreeCache;
import io.paddock.recipes.cache.TreeCacheEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live instances of one service, from a {@link TreeCache} of {@code /services/<name>}, and
 * a {@link ProviderStrategy} to pick one. An instance whose process dies drops out once the
 * server expires its session; one that unregisters drops out at once.
 *
 * <p>Thread-safe. Listeners run on the client's event thread, in the order of the changes.
 */
public final class ServiceProvider implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceProvider.class);

    private final String name;
    private final String servicePath;
    private final ProviderStrategy strategy;
    private final TreeCache cache;
    private final List<ServiceListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch initialized = new CountDownLatch(1);

    ServiceProvider(PaddockClient client, String servicePath, String name,
            ProviderStrategy strategy) {
        this.name = name;
        this.servicePath = servicePath;
        this.strategy = strategy;
        this.cache = new TreeCache(client, servicePath, 1);
        cache.addListener(this::onCacheEvent);
    }

    public void addListener(ServiceListener listener) {
        listeners.add(listener);
    }

    /** Starts following the service in the background. */
    public ServiceProvider start() {
        cache.start();
        return this;
    }

    /** Waits until the instances up at start are known; false if {@code max} passed. */
    public boolean awaitInitialized(Duration max) throws InterruptedException {
        return initialized.await(max.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** One instance chosen by the strategy, or empty if none is up. */
    public Optional<ServiceInstance> getInstance() {
        return strategy.choose(getAllInstances());
    }

    /** Every live instance, in id order. Instances with unreadable data are left out. */
    public List<ServiceInstance> getAllInstances() {
        List<ServiceInstance> out = new ArrayList<>();
        cache.children(servicePath).forEach((id, data) -> {
            try {
                out.add(ServiceInstance.fromBytes(name, id, data.data()));
            } catch (IllegalArgumentException e) {
                LOG.warn("skipping {}/{}: {}", name, id, e.getMessage());
            }
        });
        return out;
    }

    @Override
    public void close() {
        cache.close();
    }

    private void onCacheEvent(TreeCacheEvent event) {
        if (event.type() == TreeCacheEvent.Type.INITIALIZED) {
            initialized.countDown();
        } else if (event.data().path().equals(servicePath)) {
            return;
        }
        List<ServiceInstance> now = getAllInstances();
        for (ServiceListener l : listeners) {
            l.instancesChanged(now);
        }
    }
}
