package io.paddock.server.auth;

import io.paddock.protocol.Id;
import java.util.List;
import java.util.Set;

/**
 * enforce.auth.enabled with enforce.auth.schemes (or sessionRequireClientSASLAuth), as
 * ZooKeeper's AuthenticationHelper: a session may send requests other than auth and sasl only
 * once it holds an id of one of the schemes; otherwise it is answered
 * SESSIONCLOSEDREQUIRESASLAUTH and its connection closed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled whether authentication is enforced
 * @param schemes the schemes that count
 */
public record AuthEnforcement(boolean enabled, Set<String> schemes) {
    public static final AuthEnforcement OFF = new AuthEnforcement(false, Set.of());

    public AuthEnforcement {
        schemes = Set.copyOf(schemes);
    }

    /** Whether a session with these ids may send an ordinary request. */
    public boolean admits(List<Id> authInfo) {
        if (!enabled) {
            return true;
        }
        for (Id id : authInfo) {
            if (schemes.contains(id.scheme())) {
                return true;
            }
        }
        return false;
    }

    /** Whether SASL is required, so a failed exchange closes with SESSIONCLOSEDREQUIRESASLAUTH. */
    public boolean saslRequired() {
        return enabled && schemes.contains("sasl");
    }
}
