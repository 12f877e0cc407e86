package io.paddock.recipes.discovery;

import io.paddock.client.PaddockClient;
import io.paddock.client.exception.NoNodeException;
import io.paddock.recipes.nodes.EphemeralNode;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service registry: registers this process's instances and answers queries.
 *
 * <p>Guarantees: a registered instance is an ephemeral node {@code <base>/<name>/<id>}, kept
 * (re-created after a session loss) until {@link #unregister} or {@link #close}; if the process
 * dies, the instance disappears once the server expires its session. Queries read the server
 * directly; for a live, cached view use {@link #provider}.
 *
 * <p>Thread-safe.
 */
public final class ServiceDiscovery implements AutoCloseable {
    /** Where services live unless told otherwise. */
    public static final String DEFAULT_BASE = "/services";

    private final PaddockClient client;
    private final String basePath;
    private final Map<String, EphemeralNode> registered = new ConcurrentHashMap<>();
    private final List<ServiceProvider> providers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ServiceDiscovery(PaddockClient client) {
        this(client, DEFAULT_BASE);
    }

    public ServiceDiscovery(PaddockClient client, String basePath) {
        this.client = client;
        this.basePath = ZNodePaths.makePath(basePath);
    }

    /**
     * Registers (or, with the same name and id, updates) an instance and waits up to
     * {@code max} for its node to exist; false if it did not appear in time (it still will).
     */
    public boolean register(ServiceInstance instance, Duration max) throws InterruptedException {
        String path = pathOf(instance);
        EphemeralNode fresh = new EphemeralNode(client, path, instance.toBytes());
        EphemeralNode old = registered.putIfAbsent(path, fresh);
        if (old != null) {
            old.setData(instance.toBytes());
            return true;
        }
        return fresh.start().awaitCreated(max);
    }

    /** Takes an instance out of the registry now. */
    public void unregister(ServiceInstance instance) {
        EphemeralNode node = registered.remove(pathOf(instance));
        if (node != null) {
            node.close();
        }
    }

    /** The names of every registered service. */
    public List<String> queryForNames() {
        try {
            return client.getChildren().forPath(basePath).stream().sorted().toList();
        } catch (NoNodeException none) {
            return List.of();
        }
    }

    /** The instances of a service now, in id order, read from the server. */
    public List<ServiceInstance> queryForInstances(String name) {
        String servicePath = ZNodePaths.makePath(basePath, name);
        List<ServiceInstance> out = new ArrayList<>();
        List<String> ids;
        try {
            ids = client.getChildren().forPath(servicePath).stream().sorted().toList();
        } catch (NoNodeException none) {
            return out;
        }
        for (String id : ids) {
            try {
                byte[] data = client.getData().forPath(ZNodePaths.makePath(servicePath, id));
                out.add(ServiceInstance.fromBytes(name, id, data));
            } catch (NoNodeException gone) {
                // went away while we looked
            }
        }
        return out;
    }

    /** A started, live provider of {@code name}'s instances; closed with this registry. */
    public ServiceProvider provider(String name, ProviderStrategy strategy) {
        ServiceProvider p = new ServiceProvider(client, ZNodePaths.makePath(basePath, name), name,
                strategy);
        providers.add(p);
        return p.start();
    }

    /** Unregisters every instance registered here and closes the providers. */
    @Override
    public void close() {
        providers.forEach(ServiceProvider::close);
        registered.values().forEach(EphemeralNode::close);
        registered.clear();
    }

    private String pathOf(ServiceInstance instance) {
        return ZNodePaths.makePath(basePath, instance.name(), instance.id());
    }
}
