package io.paddock.server.admin;

import io.paddock.server.admin.http.AdminHttpServer;
import io.paddock.server.config.OperationsConfig;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running server offers operators besides its client port, started together and closed
 * together: the admin HTTP server and the Prometheus endpoint, each when configured.
 *
 * <p>Thread-safe: started once by the server, closed once; the addresses may be read from any
 * thread.
 */
public final class OperatorEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorEndpoints.class);

    private final AdminHttpServer admin;
    private final List<AutoCloseable> open;

    private OperatorEndpoints(AdminHttpServer admin, List<AutoCloseable> open) {
        this.admin = admin;
        this.open = open;
    }

    /**
     * Starts each configured endpoint; if one cannot bind, those already started are closed
     * and the failure (naming the endpoint and address) is thrown.
     */
    public static OperatorEndpoints start(OperationsConfig config, AdminSources sources) {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            AdminHttpServer admin = null;
            if (config.adminEnabled()) {
                admin = AdminHttpServer.start(sources, config.adminAddress(),
                        config.adminCommandUrl());
                open.add(admin);
            }
            return new OperatorEndpoints(admin, open);
        } catch (RuntimeException e) {
            closeAll(open);
            throw e;
        }
    }

    /** Where the admin commands are served, or null when the admin server is off. */
    public InetSocketAddress adminAddress() {
        return admin == null ? null : admin.address();
    }

    @Override
    public void close() {
        closeAll(open);
    }

    private static void closeAll(List<AutoCloseable> open) {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing an operator endpoint failed", e);
            }
        }
        open.clear();
    }
}
