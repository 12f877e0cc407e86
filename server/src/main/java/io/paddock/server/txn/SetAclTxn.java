package io.paddock.server.txn;

import io.paddock.protocol.ACL;
import java.util.List;

/** Replaces a node's ACL; {@code version} is the node's new aversion. */
public record SetAclTxn(String path, List<ACL> acl, int version) implements Txn {
}
