package io.paddock.server.admin.console;

import io.paddock.protocol.Id;
import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.admin.http.HttpCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Who a console request speaks for. HTTP Basic {@code user:password} is taken as ZooKeeper
 * digest credentials, exactly what {@code addauth digest user:password} proves: the id
 * {@code digest:user:base64(sha1(user:password))} (and {@code super} for the super digest).
 * As in ZooKeeper, any password proves some id; only the node's ACL decides what that id may
 * do. Everyone also holds {@code world:anyone}.
 *
 * <p>Stateless; thread-safe.
 */
final class ConsoleCredentials {
    private final AuthRegistry registry;

    ConsoleCredentials(AuthRegistry registry) {
        this.registry = registry;
    }

    /**
     * The ids the request's Basic credentials prove, after world:anyone; just world:anyone
     * when there are none.
     *
     * @throws BadCredentials when an Authorization header is there but is not usable Basic
     */
    List<Id> ids(HttpCall call) {
        List<Id> ids = new ArrayList<>();
        ids.add(Id.ANYONE);
        String userPassword = userPassword(call);
        if (userPassword != null) {
            List<Id> proven = registry.authenticateAll("digest",
                    userPassword.getBytes(StandardCharsets.UTF_8), null);
            if (proven.isEmpty()) {
                throw new BadCredentials("the digest scheme refused the credentials");
            }
            ids.addAll(proven);
        }
        return List.copyOf(ids);
    }

    /** Whether the request carries credentials at all. */
    static boolean present(HttpCall call) {
        return call.header("Authorization") != null;
    }

    /** The digest user named by the credentials, for messages; null without credentials. */
    static String user(HttpCall call) {
        String up = userPassword(call);
        return up == null ? null : up.substring(0, up.indexOf(':'));
    }

    private static String userPassword(HttpCall call) {
        String header = call.header("Authorization");
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (!h.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            throw new BadCredentials("only Basic credentials (user:password) are taken");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadCredentials("the Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw new BadCredentials("the credentials must be user:password, both non-empty");
        }
        return decoded;
    }

    /** Credentials that cannot be used; the request is answered 401. */
    static final class BadCredentials extends RuntimeException {
        BadCredentials(String message) {
            super(message);
        }
    }
}
