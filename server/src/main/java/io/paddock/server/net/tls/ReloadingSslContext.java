package io.paddock.server.net.tls;

import io.netty.handler.ssl.SslContext;
import io.paddock.server.config.ConfigException;
import io.paddock.server.config.TlsConfig;

/**
 * The secure client port's TLS context, rebuilt when its key or trust store files change
 * ({@link StoreReloader}) so certificates can be rotated without a restart: every
 * {@code reloadIntervalMs} the files are compared with those the context was built from.
 *
 * <p>Construction loads the stores and fails with a {@link ConfigException} naming the key at
 * fault. {@link #current()} is safe from any thread; the check runs on one daemon thread.
 */
public final class ReloadingSslContext implements AutoCloseable {
    private final TlsConfig tls;
    private final StoreReloader<SslContext> reloader;

    public ReloadingSslContext(TlsConfig tls) {
        this.tls = tls;
        this.reloader = new StoreReloader<>("the secure client port's",
                () -> ServerSslContexts.StoreBytes.read(tls.keyStore(), tls.trustStore()),
                bytes -> ServerSslContexts.build(tls, bytes), tls.reloadIntervalMs(),
                "paddock-tls-reload");
    }

    public SslContext current() {
        return reloader.current();
    }

    public TlsConfig config() {
        return tls;
    }

    @Override
    public void close() {
        reloader.close();
    }
}
