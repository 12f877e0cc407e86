package io.paddock.zab.transport;

import io.netty.handler.ssl.SslContext;
import java.util.Objects;

/**
 * TLS between the servers of an ensemble (ZooKeeper's {@code sslQuorum}): every connection on
 * both ports, accepted or dialled, starts with a TLS handshake, and both ends present a
 * certificate. The contexts come from whoever owns the key material (the server module); the
 * transport only wraps its channels with them, so it stays free of configuration formats.
 *
 * <p>Implementations must be safe to call from any event loop; the transport asks for a context
 * for every new connection, so one that changes its answer (reloaded certificates) takes effect
 * on the next connection.
 */
public interface PeerTls {

    /** The context of accepted connections. The transport requires the dialler's certificate. */
    SslContext serverContext();

    /** The context of dialled connections; it presents this server's certificate. */
    SslContext clientContext();

    /**
     * Whether a dialler checks that the peer's certificate names the host it dialled (as an
     * HTTPS client would: a subject alternative name matching the host name or IP address).
     */
    boolean hostnameVerification();

    /** Fixed contexts. */
    static PeerTls of(SslContext server, SslContext client, boolean hostnameVerification) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(client, "client");
        if (!server.isServer() || !client.isClient()) {
            throw new IllegalArgumentException("PeerTls needs a server context and a client context");
        }
        return new Fixed(server, client, hostnameVerification);
    }

    /** Contexts that never change. */
    record Fixed(SslContext serverContext, SslContext clientContext, boolean hostnameVerification)
            implements PeerTls {
    }
}
