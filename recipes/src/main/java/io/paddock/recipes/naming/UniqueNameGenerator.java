package io.paddock.recipes.naming;

import io.paddock.client.CreateMode;
import io.paddock.client.PaddockClient;
import io.paddock.client.exception.PaddockException;
import io.paddock.recipes.nodes.ZNodePaths;

/**
 * Cluster-wide unique names from the counter ZooKeeper keeps per parent node: each call creates
 * a sequential child of {@code parentPath} and turns its 10-digit suffix into the name
 * {@code <prefix><suffix>}, e.g. {@code order-0000000042}.
 *
 * <p>Guarantees: no two calls anywhere in the cluster return the same name for the same parent,
 * and the numbers grow in the order the creates were applied. The child is created with a
 * protected name (so a retried create cannot burn two numbers unseen) and deleted at once, so
 * nothing piles up under the parent; its counter keeps growing regardless (it counts child
 * creates and deletes). Numbers are not contiguous.
 *
 * <p>Thread-safe.
 */
public final class UniqueNameGenerator {
    private final PaddockClient client;
    private final String parentPath;
    private final String prefix;

    /** @param prefix the names' common beginning; also the sequential node's name */
    public UniqueNameGenerator(PaddockClient client, String parentPath, String prefix) {
        this.client = client;
        this.parentPath = ZNodePaths.makePath(parentPath);
        this.prefix = prefix;
    }

    /** A name no other call returned: {@code prefix} plus a 10-digit number. */
    public String next() {
        String created = client.create().creatingParentContainersIfNeeded().withProtection()
                .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(ZNodePaths.makePath(parentPath, prefix));
        try {
            client.delete().guaranteed().forPath(created);
        } catch (PaddockException e) {
            // ephemeral, and guaranteed delete keeps trying: it cannot pile up
        }
        return prefix + ZNodePaths.extractSequentialSuffix(created);
    }

    /** The number of {@link #next()}: unique and growing, not contiguous. */
    public long nextId() {
        return Long.parseLong(ZNodePaths.extractSequentialSuffix(next()));
    }
}
