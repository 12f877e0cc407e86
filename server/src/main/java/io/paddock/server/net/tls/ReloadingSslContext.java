package io.paddock.server.net.tls;

import io.netty.handler.ssl.SslContext;
import io.paddock.server.config.ConfigException;
import io.paddock.server.config.TlsConfig;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secure client port's TLS context, rebuilt when its key or trust store files change so
 * certificates can be rotated without a restart. Every {@code reloadIntervalMs} the files'
 * bytes are compared with those the context was built from; a change builds a new context,
 * which new connections use (open ones keep theirs). A changed file that does not load (say,
 * half-written) is logged once and the previous context stays.
 *
 * <p>Construction loads the stores and fails with a {@link ConfigException} naming the key at
 * fault. {@link #current()} is safe from any thread; the check runs on one daemon thread.
 */
public final class ReloadingSslContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingSslContext.class);

    private final TlsConfig tls;
    private final ScheduledExecutorService checker;
    private volatile SslContext current;
    private ServerSslContexts.StoreBytes loaded; // the reload thread's alone after construction
    private ServerSslContexts.StoreBytes failed;
    private String lastWarning;

    public ReloadingSslContext(TlsConfig tls) {
        this.tls = tls;
        this.loaded = ServerSslContexts.StoreBytes.read(tls);
        this.current = ServerSslContexts.build(tls, loaded);
        if (tls.reloadIntervalMs() > 0) {
            checker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "paddock-tls-reload");
                t.setDaemon(true);
                return t;
            });
            checker.scheduleWithFixedDelay(this::reloadIfChanged, tls.reloadIntervalMs(),
                    tls.reloadIntervalMs(), TimeUnit.MILLISECONDS);
        } else {
            checker = null;
        }
    }

    public SslContext current() {
        return current;
    }

    public TlsConfig config() {
        return tls;
    }

    private void reloadIfChanged() {
        ServerSslContexts.StoreBytes now;
        try {
            now = ServerSslContexts.StoreBytes.read(tls);
        } catch (ConfigException e) {
            warnOnce(e);
            return;
        }
        if (now.sameAs(loaded) || (failed != null && now.sameAs(failed))) {
            return;
        }
        try {
            current = ServerSslContexts.build(tls, now);
            loaded = now;
            failed = null;
            lastWarning = null;
            LOG.info("reloaded the secure client port's key and trust stores ({}{})",
                    tls.keyStore().location(),
                    tls.trustStore() == null ? "" : ", " + tls.trustStore().location());
        } catch (ConfigException e) {
            failed = now;
            warnOnce(e);
        }
    }

    private void warnOnce(ConfigException e) {
        if (!e.getMessage().equals(lastWarning)) {
            lastWarning = e.getMessage();
            LOG.warn("the changed TLS stores do not load; still using the previous ones: {}",
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }
}
