package io.paddock.server.acl;

import io.paddock.protocol.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ACL schemes this server knows (world, digest, ip, plus any registered), and the super
 * digest: a session that authenticates with digest credentials whose id equals it also
 * becomes {@code super:} and passes every ACL check.
 *
 * <p>Thread-safe.
 */
public final class AuthRegistry {
    public static final Id SUPER = new Id("super", "");

    private final Map<String, AuthProvider> providers = new ConcurrentHashMap<>();
    private final String superDigest;

    /** {@code superDigest} is "super:base64hash" as zookeeper.DigestAuthenticationProvider.superDigest, or null. */
    public AuthRegistry(String superDigest) {
        this.superDigest = superDigest;
        register(new WorldAuthProvider());
        register(new DigestAuthProvider());
        register(new IpAuthProvider());
    }

    public AuthRegistry() {
        this(null);
    }

    public void register(AuthProvider provider) {
        providers.put(provider.scheme(), provider);
    }

    /** The provider of a scheme, or null. */
    public AuthProvider provider(String scheme) {
        return providers.get(scheme);
    }

    /**
     * The id an auth packet proves, or null (AuthFailed). For the super digest this is
     * {@link #SUPER}; {@link #authenticateAll} also yields the digest id beside it.
     */
    public Id authenticate(String scheme, byte[] auth, String remoteAddress) {
        List<Id> ids = authenticateAll(scheme, auth, remoteAddress);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * Every id an auth packet adds to the session, as ZooKeeper adds them: [super, digest]
     * for the super digest, else the one proven id; empty when authentication failed.
     */
    public List<Id> authenticateAll(String scheme, byte[] auth, String remoteAddress) {
        AuthProvider p = providers.get(scheme);
        Id id = p == null ? null : p.authenticate(auth, remoteAddress);
        List<Id> ids = new ArrayList<>(2);
        if (id == null) {
            return ids;
        }
        if ("digest".equals(scheme) && superDigest != null && superDigest.equals(id.id())) {
            ids.add(SUPER);
        }
        ids.add(id);
        return ids;
    }

    /** The ids a new connection starts with: its ip address, as ZooKeeper's ServerCnxn. */
    public List<Id> initialAuthInfo(String remoteAddress) {
        List<Id> ids = new ArrayList<>(1);
        if (remoteAddress != null) {
            ids.add(new Id("ip", remoteAddress));
        }
        return ids;
    }
}
