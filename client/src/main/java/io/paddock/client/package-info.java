/**
 * Paddock's ZooKeeper-protocol client: {@link io.paddock.client.PaddockClient} and its builder,
 * connection states and listeners, watchers, create modes. Znode metadata and ACLs are the
 * protocol's records ({@link io.paddock.protocol.Stat}, {@link io.paddock.protocol.ACL},
 * {@link io.paddock.protocol.Id}).
 */
package io.paddock.client;
