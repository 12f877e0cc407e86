package io.paddock.zab.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import java.util.Objects;

/**
 * TLS between the servers of an ensemble (ZooKeeper's {@code sslQuorum}): every connection on
 * both ports, accepted or dialled, starts with a TLS handshake. The contexts come from whoever
 * owns the key material (the server module); the transport only wraps its channels with them,
 * so it stays free of configuration formats.
 *
 * <p>Implementations must be safe to call from any event loop; the transport asks for a context
 * for every new connection, so one that changes its answer (reloaded certificates) takes effect
 * on the next connection.
 */
public interface PeerTls {

    /** The context of accepted connections. */
    SslContext serverContext();

    /** The context of dialled connections; it presents this server's certificate. */
    SslContext clientContext();

    /**
     * Whether the peer's certificate must name its address: a dialler checks the host it dialled
     * (as an HTTPS client would: a subject alternative name matching the host name or IP
     * address), an accepting server the IP address the connection comes from (see
     * {@link #acceptedHostnameVerification()}).
     */
    boolean hostnameVerification();

    /**
     * Whether an accepting server checks the dialler's certificate against the address it
     * connects from (ZooKeeper's ssl.quorum.clientHostnameVerification, which counts only with
     * hostnameVerification).
     */
    default boolean acceptedHostnameVerification() {
        return hostnameVerification();
    }

    /**
     * Whether an accepting server asks the dialler for a certificate (ssl.quorum.clientAuth):
     * REQUIRE (need, the default), OPTIONAL (want) or NONE.
     */
    default ClientAuth clientAuth() {
        return ClientAuth.REQUIRE;
    }

    /**
     * Whether accepted connections may also be plaintext (ZooKeeper's {@code portUnification}):
     * the first bytes tell a TLS handshake from a plaintext peer, so an ensemble can switch to
     * TLS one server at a time.
     */
    default boolean portUnification() {
        return false;
    }

    /**
     * Whether dialled connections use TLS; false only while switching an ensemble to TLS, for a
     * server that accepts TLS (port unification) but still dials plaintext.
     */
    default boolean dialsTls() {
        return true;
    }

    /** Fixed contexts that require the dialler's certificate. */
    static PeerTls of(SslContext server, SslContext client, boolean hostnameVerification) {
        return of(server, client, hostnameVerification, ClientAuth.REQUIRE);
    }

    /** Fixed contexts. */
    static PeerTls of(SslContext server, SslContext client, boolean hostnameVerification,
            ClientAuth clientAuth) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clientAuth, "clientAuth");
        if (!server.isServer() || !client.isClient()) {
            throw new IllegalArgumentException("PeerTls needs a server context and a client context");
        }
        return new Fixed(server, client, hostnameVerification, clientAuth);
    }

    /** Contexts that never change. */
    record Fixed(SslContext serverContext, SslContext clientContext, boolean hostnameVerification,
            ClientAuth clientAuth) implements PeerTls {
    }
}
