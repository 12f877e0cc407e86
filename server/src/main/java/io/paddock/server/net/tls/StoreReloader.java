package io.paddock.server.net.tls;

import io.paddock.server.config.ConfigException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something built from key and trust store files, rebuilt when the files change so certificates
 * can be rotated without a restart. Every interval the files' bytes are compared with those the
 * current value was built from; a change builds a new value, which new connections use (open
 * ones keep theirs). A changed file that does not load (say, half-written) is logged once and the
 * previous value stays.
 *
 * <p>Construction reads and builds once and fails with the {@link ConfigException} naming the
 * key at fault. {@link #current()} is safe from any thread; the check runs on one daemon thread.
 *
 * @param <T> what is built: an SSL context, or a pair of them
 */
final class StoreReloader<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreReloader.class);

    private final String what;
    private final Supplier<ServerSslContexts.StoreBytes> reader;
    private final Function<ServerSslContexts.StoreBytes, T> builder;
    private final ScheduledExecutorService checker;
    private volatile T current;
    private ServerSslContexts.StoreBytes loaded; // the reload thread's alone after construction
    private ServerSslContexts.StoreBytes failed;
    private String lastWarning;

    /**
     * @param what names the stores in log lines ("the secure client port's")
     * @param intervalMs how often to compare the files; 0 never
     */
    StoreReloader(String what, Supplier<ServerSslContexts.StoreBytes> reader,
            Function<ServerSslContexts.StoreBytes, T> builder, long intervalMs, String threadName) {
        this.what = what;
        this.reader = reader;
        this.builder = builder;
        this.loaded = reader.get();
        this.current = builder.apply(loaded);
        if (intervalMs > 0) {
            checker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            checker.scheduleWithFixedDelay(this::reloadIfChanged, intervalMs, intervalMs,
                    TimeUnit.MILLISECONDS);
        } else {
            checker = null;
        }
    }

    T current() {
        return current;
    }

    private void reloadIfChanged() {
        ServerSslContexts.StoreBytes now;
        try {
            now = reader.get();
        } catch (ConfigException e) {
            warnOnce(e);
            return;
        }
        if (now.sameAs(loaded) || (failed != null && now.sameAs(failed))) {
            return;
        }
        try {
            current = builder.apply(now);
            loaded = now;
            failed = null;
            lastWarning = null;
            LOG.info("reloaded {} key and trust stores", what);
        } catch (ConfigException e) {
            failed = now;
            warnOnce(e);
        }
    }

    private void warnOnce(ConfigException e) {
        if (!e.getMessage().equals(lastWarning)) {
            lastWarning = e.getMessage();
            LOG.warn("the changed TLS stores ({}) do not load; still using the previous ones: {}",
                    what, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }
}
