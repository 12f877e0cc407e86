package io.paddock.server.txn;

import io.paddock.protocol.ACL;
import java.util.List;

/**
 * Creates a node. {@code ephemeralOwner} is the stat field as stored: a session id for an
 * ephemeral, {@link io.paddock.server.tree.EphemeralType} encodings for containers and TTL
 * nodes, 0 otherwise. {@code parentCVersion} is the parent's cversion after the create.
 */
public record CreateTxn(String path, byte[] data, List<ACL> acl, long ephemeralOwner,
        int parentCVersion) implements Txn {
}
