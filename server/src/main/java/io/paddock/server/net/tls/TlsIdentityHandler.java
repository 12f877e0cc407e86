package io.paddock.server.net.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.paddock.protocol.Id;
import io.paddock.server.auth.CertificateAuthProvider;
import io.paddock.server.net.AuthenticatedIds;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits behind the {@link SslHandler}: once the handshake succeeds, the client's verified
 * certificate (when it sent one) becomes ids of the ssl.authProvider scheme, passed on as an
 * {@link AuthenticatedIds} event before any request is read; a failed handshake closes the
 * connection with one log line. As in ZooKeeper, a certificate that proves no id closes it too.
 *
 * <p>One per connection; runs on its event loop.
 */
public final class TlsIdentityHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(TlsIdentityHandler.class);

    private final CertificateAuthProvider provider;

    public TlsIdentityHandler(CertificateAuthProvider provider) {
        this.provider = provider;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            if (!done.isSuccess()) {
                LOG.debug("TLS handshake with {} failed", ctx.channel().remoteAddress(), done.cause());
                ctx.close();
                return;
            }
            X509Certificate[] chain = peerChain(ctx);
            if (chain.length > 0) {
                List<Id> ids = provider.authenticate(chain);
                if (ids.isEmpty()) {
                    LOG.info("the certificate of {} proves no {} id; closing",
                            ctx.channel().remoteAddress(), provider.scheme());
                    ctx.close();
                    return;
                }
                ctx.fireUserEventTriggered(new AuthenticatedIds(ids));
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** A TLS failure (refused certificate, no common protocol) closes the connection quietly. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable tls = cause instanceof SSLException ? cause : cause.getCause();
        if (tls instanceof SSLException) {
            LOG.info("TLS with {} failed: {}", ctx.channel().remoteAddress(), tls.getMessage());
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static X509Certificate[] peerChain(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        try {
            Certificate[] certs = ssl.engine().getSession().getPeerCertificates();
            X509Certificate[] out = new X509Certificate[certs.length];
            for (int i = 0; i < certs.length; i++) {
                out[i] = (X509Certificate) certs[i];
            }
            return out;
        } catch (SSLPeerUnverifiedException e) {
            return new X509Certificate[0]; // clientAuth none, or want and none was sent
        }
    }
}
