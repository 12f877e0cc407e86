package io.paddock.server.auth;

import io.paddock.protocol.Id;
import io.paddock.server.acl.AuthRegistry;
import java.util.ArrayList;
import java.util.List;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

/**
 * One connection's SASL exchange: each client token (op sasl) in, the server's answer out,
 * and once the exchange completes the ids it proved: {@code sasl:<user>}, plus super when
 * the user is the configured super user, as ZooKeeper adds them.
 *
 * <p>Not thread-safe: used on its connection's event loop only.
 */
public final class SaslExchange {
    private final SaslAuthenticator authenticator;
    private SaslServer server;

    public SaslExchange(SaslAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /**
     * The outcome of one client token.
     *
     * @param response the server's token for the client (may be null)
     * @param proven the ids proven, empty until the exchange completes
     */
    public record Step(byte[] response, List<Id> proven) {
    }

    /** Evaluates one token; throws when the client's answer is wrong (a failed login). */
    public Step step(byte[] token) throws SaslException {
        if (server == null) {
            server = authenticator.newExchange();
        }
        byte[] response = server.evaluateResponse(token == null ? new byte[0] : token);
        if (!server.isComplete()) {
            return new Step(response, List.of());
        }
        String user = server.getAuthorizationID();
        List<Id> ids = new ArrayList<>(2);
        ids.add(new Id("sasl", user));
        if (user.equals(authenticator.superUser())) {
            ids.add(AuthRegistry.SUPER);
        }
        return new Step(response, ids);
    }
}
