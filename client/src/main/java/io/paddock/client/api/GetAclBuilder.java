package io.paddock.client.api;

import io.paddock.client.StatHolder;

/** Reads a node's ACL ({@code List<ACL>}); retried under the client's retry policy. */
public interface GetAclBuilder<R> {
    GetAclBuilder<R> storingStatIn(StatHolder stat);

    R forPath(String path);
}
