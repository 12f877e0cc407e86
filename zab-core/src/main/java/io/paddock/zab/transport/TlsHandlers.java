package io.paddock.zab.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Puts the {@link SslHandler} first in a peer channel's pipeline when the ensemble runs TLS, so
 * nothing else (authentication, framing, Hello) ever touches plaintext bytes. With port
 * unification an accepted channel starts with a detector instead, which looks at the first bytes
 * ({@link SslHandler#isEncrypted}) and puts the SslHandler in its place for a TLS peer, or steps
 * aside for a plaintext one.
 *
 * <p>Hostname verification runs in the trust manager on both sides: a dialled engine knows the
 * host it dialled, an accepted one is given the IP address the connection comes from, and the
 * "HTTPS" identification algorithm makes the JDK's trust manager match the peer's certificate
 * against it (ZooKeeper's ZKTrustManager checks an accepted peer's address the same way).
 *
 * <p>Stateless and thread-safe.
 */
final class TlsHandlers {
    /** A TLS record header's length: enough for {@link SslHandler#isEncrypted} to decide. */
    private static final int RECORD_HEADER = 5;

    private TlsHandlers() {
    }

    /** Wraps a channel this server accepted; a no-op without TLS. */
    static void accepted(SocketChannel ch, TransportConfig config) {
        PeerTls tls = config.tls();
        if (tls == null) {
            return;
        }
        if (tls.portUnification()) {
            ch.pipeline().addFirst("tls", new Detector(config));
        } else {
            ch.pipeline().addFirst("tls", serverHandler(ch, config));
        }
    }

    /** Wraps a channel this server dials to {@code to}; a no-op without TLS. */
    static void dialled(SocketChannel ch, TransportConfig config, InetSocketAddress to) {
        PeerTls tls = config.tls();
        if (tls == null || !tls.dialsTls()) {
            return;
        }
        SslHandler handler = tls.clientContext().newHandler(ch.alloc(), to.getHostString(),
                to.getPort());
        if (tls.hostnameVerification()) {
            identify(handler.engine());
        }
        handler.setHandshakeTimeoutMillis(config.connectTimeout().toMillis());
        ch.pipeline().addFirst("tls", handler);
    }

    private static SslHandler serverHandler(SocketChannel ch, TransportConfig config) {
        PeerTls tls = config.tls();
        SslHandler handler;
        boolean verify = tls.hostnameVerification() && tls.acceptedHostnameVerification();
        InetSocketAddress from = ch.remoteAddress();
        if (verify && from != null && from.getAddress() != null) {
            handler = tls.serverContext().newHandler(ch.alloc(), from.getAddress().getHostAddress(),
                    from.getPort());
        } else {
            handler = tls.serverContext().newHandler(ch.alloc());
            verify = false;
        }
        SSLEngine engine = handler.engine();
        switch (tls.clientAuth()) {
            case NONE -> engine.setNeedClientAuth(false);
            case OPTIONAL -> engine.setWantClientAuth(true);
            default -> engine.setNeedClientAuth(true);
        }
        if (verify) {
            identify(engine);
        }
        handler.setHandshakeTimeoutMillis(config.connectTimeout().toMillis());
        return handler;
    }

    private static void identify(SSLEngine engine) {
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(params);
    }

    /**
     * Port unification: decides TLS or plaintext from the first bytes. A Paddock frame starts
     * with its length, whose first byte is 0 for any frame under 16 MiB, so it never looks like
     * a TLS record. Not sharable: one per channel.
     */
    private static final class Detector extends ByteToMessageDecoder {
        private final TransportConfig config;

        Detector(TransportConfig config) {
            this.config = config;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (in.readableBytes() < RECORD_HEADER) {
                return;
            }
            if (SslHandler.isEncrypted(in)) {
                // The bytes already read go on to the SslHandler when this handler leaves.
                ctx.pipeline().replace(this, "tls",
                        serverHandler((SocketChannel) ctx.channel(), config));
            } else {
                ctx.pipeline().remove(this);
            }
        }
    }
}
