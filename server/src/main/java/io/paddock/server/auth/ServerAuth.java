package io.paddock.server.auth;

import io.paddock.server.acl.AuthRegistry;

/**
 * How the server's connections authenticate: the ACL schemes, the SASL server (null when no
 * JAAS configuration is given) and the enforcement rule. Immutable and thread-safe.
 */
public record ServerAuth(AuthRegistry registry, SaslAuthenticator sasl, AuthEnforcement enforcement) {
}
