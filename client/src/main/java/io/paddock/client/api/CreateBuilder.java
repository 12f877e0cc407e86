package io.paddock.client.api;

import io.paddock.protocol.CreateMode;
import io.paddock.client.StatHolder;
import io.paddock.protocol.ACL;
import java.time.Duration;
import java.util.List;

/**
 * Creates a node. Options may be given in any order; {@code forPath} sends the request and
 * yields the created node's path ({@code R} is {@code String} for the synchronous client,
 * {@code CompletableFuture<String>} for {@code client.async()}).
 *
 * <p>Retried under the client's retry policy when safe: non-sequential persistent creates and
 * any create {@link #withProtection() with protection}.
 */
public interface CreateBuilder<R> {
    /** Creates missing ancestors as persistent nodes first. */
    CreateBuilder<R> creatingParentsIfNeeded();

    /** Creates missing ancestors as container nodes first. */
    CreateBuilder<R> creatingParentContainersIfNeeded();

    /**
     * Prefixes the node name with {@code _c_<uuid>-} so that, if the connection drops before the
     * reply, the retry finds the node it already created instead of making a second one.
     */
    CreateBuilder<R> withProtection();

    CreateBuilder<R> withMode(CreateMode mode);

    /** The new node's ACL; {@link ACL#OPEN_ACL_UNSAFE} if not given. */
    CreateBuilder<R> withAcl(List<ACL> acl);

    /** The TTL of a {@code *_WITH_TTL} node. */
    CreateBuilder<R> withTtl(Duration ttl);

    CreateBuilder<R> storingStatIn(StatHolder stat);

    /** Creates the node with empty data. */
    R forPath(String path);

    R forPath(String path, byte[] data);
}
