package io.paddock.zab.transport;

import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Puts the {@link SslHandler} first in a peer channel's pipeline when the ensemble runs TLS, so
 * nothing else (framing, Hello) ever touches plaintext bytes. An accepted connection must present
 * a certificate whatever the context says: mutual TLS is the point of quorum TLS.
 *
 * <p>Stateless and thread-safe.
 */
final class TlsHandlers {
    private TlsHandlers() {
    }

    /** Wraps a channel this server accepted; a no-op without TLS. */
    static void accepted(SocketChannel ch, TransportConfig config) {
        PeerTls tls = config.tls();
        if (tls == null) {
            return;
        }
        SslHandler handler = tls.serverContext().newHandler(ch.alloc());
        handler.engine().setNeedClientAuth(true);
        handler.setHandshakeTimeoutMillis(config.connectTimeout().toMillis());
        ch.pipeline().addFirst("tls", handler);
    }

    /** Wraps a channel this server dials to {@code to}; a no-op without TLS. */
    static void dialled(SocketChannel ch, TransportConfig config, InetSocketAddress to) {
        PeerTls tls = config.tls();
        if (tls == null) {
            return;
        }
        SslHandler handler = tls.clientContext().newHandler(ch.alloc(), to.getHostString(),
                to.getPort());
        if (tls.hostnameVerification()) {
            SSLEngine engine = handler.engine();
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
        handler.setHandshakeTimeoutMillis(config.connectTimeout().toMillis());
        ch.pipeline().addFirst("tls", handler);
    }
}
