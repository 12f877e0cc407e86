package io.paddock.server.net;

import io.paddock.protocol.AuthPacket;
import io.paddock.protocol.GetSASLRequest;
import io.paddock.protocol.Id;
import io.paddock.protocol.RequestHeader;
import io.paddock.protocol.SetSASLResponse;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.auth.SaslAuthenticator;
import io.paddock.server.auth.SaslExchange;
import java.util.ArrayList;
import java.util.List;
import javax.security.sasl.SaslException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who one connection has proven to be, and the packets that prove it: its ip id from the start,
 * ids from a TLS certificate, addauth packets, SASL exchanges; and the enforce.auth rule that
 * turns away a session holding none of the enforced schemes, as ZooKeeper answers each.
 *
 * <p>Called on the connection's event loop; {@link #ids()} may be read from any thread.
 */
final class ConnectionAuth {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAuth.class);
    private static final int AUTH_XID = -4;

    private final ClientServices services;
    private final ClientConnection connection;
    private volatile List<Id> ids = List.of();
    private SaslExchange saslExchange;

    ConnectionAuth(ClientServices services, ClientConnection connection) {
        this.services = services;
        this.connection = connection;
    }

    /** ZooKeeper gives every connection its ip identity, so ip ACLs need no addauth. */
    void start(String remoteAddress) {
        ids = List.copyOf(services.auth().initialAuthInfo(remoteAddress));
    }

    List<Id> ids() {
        return ids;
    }

    void add(List<Id> proven) {
        List<Id> next = new ArrayList<>(ids);
        proven.stream().filter(id -> !next.contains(id)).forEach(next::add);
        ids = List.copyOf(next);
    }

    /**
     * Whether a request of this type may go on; when not, the session has been answered
     * SESSIONCLOSEDREQUIRESASLAUTH and its connection is closing. auth and sasl always may.
     */
    boolean admit(RequestHeader h) {
        if (h.type() == OpCode.AUTH || h.type() == OpCode.SASL
                || services.security().enforcement().admits(ids)) {
            return true;
        }
        LOG.warn("session 0x{} from {} holds no id of the enforced schemes {} (it has {}); closing",
                Long.toHexString(connection.sessionId()), connection.remoteAddress(),
                services.security().enforcement().schemes(), ids.stream().map(Id::scheme).toList());
        connection.writeReply(h.xid(), 0, ErrorCode.SESSION_CLOSED_REQUIRE_SASL_AUTH.code(), null);
        connection.closeAfterFlush("authentication required");
        return false;
    }

    void authPacket(AuthPacket p, String remoteAddress) {
        List<Id> proven = services.auth().authenticateAll(p.scheme(), p.auth(), remoteAddress);
        long zxid = services.pipeline().lastZxid();
        if (proven.isEmpty()) {
            LOG.info("authentication failed for session 0x{} with scheme {}",
                    Long.toHexString(connection.sessionId()), p.scheme());
            connection.writeReply(AUTH_XID, zxid, ErrorCode.AUTH_FAILED.code(), null);
            connection.closeAfterFlush("authentication failed");
            return;
        }
        add(proven);
        connection.writeReply(AUTH_XID, zxid, 0, null);
        connection.flush();
    }

    /**
     * One step of a SASL exchange, answered at once with zxid 0 as ZooKeeper answers it; a
     * failed one is answered AUTHFAILED (SESSIONCLOSEDREQUIRESASLAUTH when SASL is required)
     * and closes the connection.
     */
    void sasl(RequestHeader h, GetSASLRequest request) {
        SaslAuthenticator authenticator = services.security().sasl();
        if (authenticator == null) {
            connection.writeReply(h.xid(), services.pipeline().lastZxid(),
                    ErrorCode.UNIMPLEMENTED.code(), null);
            connection.flush();
            return;
        }
        if (saslExchange == null) {
            saslExchange = new SaslExchange(authenticator);
        }
        try {
            SaslExchange.Step step = saslExchange.step(request.token());
            if (!step.proven().isEmpty()) {
                LOG.info("session 0x{} authenticated over SASL as {}",
                        Long.toHexString(connection.sessionId()), step.proven().get(0).id());
                add(step.proven());
                saslExchange = null;
            }
            connection.writeReply(h.xid(), 0, 0, new SetSASLResponse(step.response()));
            connection.flush();
        } catch (SaslException e) {
            LOG.info("SASL authentication failed for session 0x{} from {}: {}",
                    Long.toHexString(connection.sessionId()), connection.remoteAddress(), e.getMessage());
            ErrorCode err = services.security().enforcement().saslRequired()
                    ? ErrorCode.SESSION_CLOSED_REQUIRE_SASL_AUTH : ErrorCode.AUTH_FAILED;
            connection.writeReply(h.xid(), 0, err.code(), new SetSASLResponse(null));
            connection.closeAfterFlush("SASL authentication failed");
        }
    }
}
