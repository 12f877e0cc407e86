package io.paddock.client.api;

import io.paddock.protocol.ACL;
import java.util.List;

/** Replaces a node's ACL, yielding its new Stat; retried under the client's retry policy. */
public interface SetAclBuilder<R> {
    /** Succeeds only if the node's ACL version is {@code aclVersion}; -1 (default) for any. */
    SetAclBuilder<R> withVersion(int aclVersion);

    SetAclBuilder<R> withAcl(List<ACL> acl);

    R forPath(String path);
}
