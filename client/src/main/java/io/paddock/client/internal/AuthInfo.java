package io.paddock.client.internal;

/** Credentials sent after every (re)connect, as ZooKeeper's addAuthInfo does. */
public record AuthInfo(String scheme, byte[] auth) {
}
