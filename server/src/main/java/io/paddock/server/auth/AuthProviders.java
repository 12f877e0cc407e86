package io.paddock.server.auth;

import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.config.ConfigException;
import io.paddock.server.config.SecurityConfig;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.TlsConfig;

/**
 * Builds a server's authentication: an {@link AuthRegistry} with world, ip and digest always, plus x509 and sasl when
 * authProvider.N lines (or a secure client port, for x509) switch them on, as ZooKeeper's
 * ProviderRegistry does.
 */
public final class AuthProviders {
    private AuthProviders() {
    }

    /** The registry, SASL server and enforcement; a setting that cannot work stops start-up. */
    public static ServerAuth build(ServerConfig config) {
        AuthRegistry registry = registry(config);
        SecurityConfig security = config.security();
        for (String scheme : security.enforceAuthSchemes()) {
            if (registry.provider(scheme) == null) {
                throw new ConfigException("enforce.auth.schemes names " + scheme
                        + ", which is not available (add an authProvider.N line for it)");
            }
        }
        SaslAuthenticator sasl = security.sasl() == null ? null
                : SaslAuthenticator.load(security.sasl());
        if (security.enforceAuthSchemes().contains("sasl") && sasl == null) {
            throw new ConfigException("SASL authentication is enforced but no JAAS configuration"
                    + " is given (sasl.jaasConfig)");
        }
        return new ServerAuth(registry, sasl,
                new AuthEnforcement(security.enforceAuth(), security.enforceAuthSchemes()));
    }

    public static AuthRegistry registry(ServerConfig config) {
        SecurityConfig security = config.security();
        AuthRegistry registry = new AuthRegistry(config.superDigest());
        for (String scheme : security.authProviderSchemes()) {
            switch (scheme) {
                case "x509" -> registry.register(new X509AuthProvider(security.x509SuperUser()));
                case "sasl" -> registry.register(new SaslAuthProvider());
                default -> {
                    // world, ip and digest are always there.
                }
            }
        }
        TlsConfig tls = security.clientTls();
        if (tls != null && !(registry.provider(tls.authProviderScheme())
                instanceof CertificateAuthProvider)) {
            throw new ConfigException("ssl.authProvider=" + tls.authProviderScheme()
                    + " names no scheme that takes its identity from a certificate (x509 does)");
        }
        return registry;
    }
}
