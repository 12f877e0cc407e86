package io.paddock.server.testing;

import io.paddock.server.PaddockServer;
import io.paddock.server.ServerHooks;
import io.paddock.server.config.EnsembleConfig;
import io.paddock.server.config.EnsembleMember;
import io.paddock.server.config.PeerType;
import io.paddock.server.config.ServerConfig;
import io.paddock.testing.Timing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An ensemble of Paddock servers in this JVM on 127.0.0.1: election and quorum ports are taken
 * free at construction, client ports are ephemeral and fixed at the first start (a restarted
 * server keeps its client port, so clients find it again). For tests; servers can be stopped
 * and started one by one.
 */
public final class PaddockEnsemble implements AutoCloseable {
    private final Path root;
    private final int tickTime;
    private final Consumer<ServerConfig.Builder> serverOptions;
    private final LongFunction<ServerHooks> hooks;
    private final UnaryOperator<EnsembleConfig> ensembleOptions;
    private final LongFunction<io.paddock.server.config.SecurityConfig> security;
    private final List<EnsembleMember> members = new ArrayList<>();
    private final Map<Long, PaddockServer> running = new HashMap<>();
    private final Map<Long, Integer> clientPorts = new HashMap<>();

    private PaddockEnsemble(Path root, int participants, int observers, int tickTime,
            Consumer<ServerConfig.Builder> serverOptions, LongFunction<ServerHooks> hooks,
            UnaryOperator<EnsembleConfig> ensembleOptions,
            LongFunction<io.paddock.server.config.SecurityConfig> security) {
        // security: each server's settings by id, or null to leave the options' own
        this.root = root;
        this.security = security;
        this.ensembleOptions = ensembleOptions;
        this.tickTime = tickTime;
        this.serverOptions = serverOptions;
        this.hooks = hooks;
        for (long id = 1; id <= participants + observers; id++) {
            members.add(new EnsembleMember(id, loopback(freePort()), loopback(freePort()),
                    Optional.empty(), id <= participants ? PeerType.PARTICIPANT : PeerType.OBSERVER));
        }
    }

    /**
     * {@code participants} voters with the security settings {@code security} gives for each id,
     * every one started (without waiting for any to serve: a test may expect one never to join).
     * The peer ports are picked free before the servers bind them, so a test running alongside
     * may take one in between: then a new ensemble on other ports is started.
     */
    public static PaddockEnsemble startedWith(int participants,
            LongFunction<io.paddock.server.config.SecurityConfig> security) {
        for (int attempt = 1;; attempt++) {
            PaddockEnsemble e = unstarted(participants, security);
            try {
                e.ids().forEach(e::startServer);
                return e;
            } catch (RuntimeException ex) {
                e.close();
                if (attempt == Builder.BIND_ATTEMPTS || !Builder.causedByBindFailure(ex)) {
                    throw ex;
                }
            }
        }
    }

    /**
     * {@code participants} voters, none started yet (start them with {@link #startServer}), each
     * with the security settings {@code security} gives for its id: quorum TLS, say.
     */
    public static PaddockEnsemble unstarted(int participants,
            LongFunction<io.paddock.server.config.SecurityConfig> security) {
        try {
            return new PaddockEnsemble(Files.createTempDirectory("paddock-ensemble"),
                    participants, 0, 200, options -> { }, id -> ServerHooks.NONE, c -> c,
                    security);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts {@code participants} voters and {@code observers} observers; waits for a leader. */
    public static PaddockEnsemble start(int participants, int observers) {
        return start(participants, observers, 200);
    }

    public static PaddockEnsemble start(int participants, int observers, int tickTime) {
        return builder().participants(participants).observers(observers).tickTime(tickTime).start();
    }

    /** @param readOnlyMode readonlymode.enabled on every server */
    public static PaddockEnsemble start(int participants, int observers, int tickTime,
            boolean readOnlyMode) {
        return builder().participants(participants).observers(observers).tickTime(tickTime)
                .ensembleOptions(c -> c.withReadOnlyMode(readOnlyMode)).start();
    }

    /** Like {@link #start(int, int)}, each server's ensemble config changed by {@code tweak}. */
    public static PaddockEnsemble startWith(int participants, UnaryOperator<EnsembleConfig> tweak) {
        return builder().participants(participants).ensembleOptions(tweak).start();
    }

    /** [ops] Every server serving the admin HTTP endpoints as {@code operations} says. */
    public static PaddockEnsemble startWithOperations(int participants,
            io.paddock.server.config.OperationsConfig operations) {
        return builder().participants(participants)
                .serverOptions(b -> b.operations(operations)).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<Long> ids() {
        return members.stream().map(EnsembleMember::id).collect(Collectors.toSet());
    }

    public PaddockServer server(long id) {
        return running.get(id);
    }

    /** The serving leader's id; waits for one. */
    public long awaitLeader() {
        long[] leader = new long[1];
        Timing.await().until(() -> {
            for (Map.Entry<Long, PaddockServer> e : running.entrySet()) {
                if ("leader".equals(mode(e.getKey()))) {
                    leader[0] = e.getKey();
                    return true;
                }
            }
            return false;
        });
        return leader[0];
    }

    /** A serving follower's id; waits for the ensemble to have a leader and one follower. */
    public long awaitFollower() {
        long[] follower = new long[1];
        Timing.await().until(() -> {
            for (long id : ids()) {
                if ("follower".equals(mode(id))) {
                    follower[0] = id;
                    return true;
                }
            }
            return false;
        });
        return follower[0];
    }

    /** Waits until each of {@code ids} serves clients (has a mode). */
    public void awaitServing(Set<Long> ids) {
        Timing.await(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> mode(id) != null));
    }

    /** leader, follower, observer; null while not serving or not running. */
    public String mode(long id) {
        PaddockServer s = running.get(id);
        return s == null ? null : s.mode();
    }

    /** "127.0.0.1:port" of one server. */
    public String connectString(long id) {
        return "127.0.0.1:" + clientPorts.get(id);
    }

    /** Every server's client address, comma-separated. */
    public String connectString() {
        return members.stream().map(m -> connectString(m.id())).collect(Collectors.joining(","));
    }

    public synchronized void startServer(long id) {
        if (running.containsKey(id)) {
            throw new IllegalStateException("server " + id + " is running");
        }
        Path dir = root.resolve("server" + id);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("myid"), Long.toString(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig.Builder options = ServerConfig.builder()
                .extendedTypesEnabled(true)
                .fourLetterWhitelist(Set.of("*"))
                .metricsJmxEnabled(false);
        serverOptions.accept(options);
        if (security != null) {
            options.security(security.apply(id));
        }
        // What makes the server this member of this ensemble is not the options' to change.
        ServerConfig config = options
                .clientAddress(new InetSocketAddress("127.0.0.1", clientPorts.getOrDefault(id, 0)))
                .dataDir(dir)
                .tickTime(tickTime)
                .ensemble(ensembleOptions.apply(new EnsembleConfig(id, members, 10, 5, false, 3,
                        5000)))
                .build();
        try {
            PaddockServer server = new PaddockServer(config, hooks.apply(id)).start();
            running.put(id, server);
            clientPorts.put(id, server.address().getPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stopServer(long id) {
        PaddockServer s = running.remove(id);
        if (s != null) {
            s.close();
        }
    }

    @Override
    public synchronized void close() {
        running.values().forEach(PaddockServer::close);
        running.clear();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many servers, their tickTime and the options every server starts with. */
    public static final class Builder {
        private static final int BIND_ATTEMPTS = 3;

        private int participants = 3;
        private int observers;
        private int tickTime = 200;
        private Consumer<ServerConfig.Builder> serverOptions = options -> { };
        private LongFunction<ServerHooks> hooks = id -> ServerHooks.NONE;
        private UnaryOperator<EnsembleConfig> ensembleOptions = c -> c;

        private Builder() {
        }

        public Builder participants(int count) {
            participants = count;
            return this;
        }

        public Builder observers(int count) {
            observers = count;
            return this;
        }

        public Builder tickTime(int millis) {
            tickTime = millis;
            return this;
        }

        /**
         * Options applied to every server's config (session bounds, superDigest, maxClientCnxns,
         * 4lw whitelist, jute.maxbuffer, ...), after the defaults (extended types on, every 4lw
         * allowed, JMX off) and before the client address, data directory, tickTime and the
         * ensemble lines, which the ensemble sets itself.
         */
        public Builder serverOptions(Consumer<ServerConfig.Builder> options) {
            serverOptions = options;
            return this;
        }

        /** Changes every server's ensemble config (read-only mode, the DIFF bound, ...). */
        public Builder ensembleOptions(UnaryOperator<EnsembleConfig> options) {
            ensembleOptions = options;
            return this;
        }

        /** Each server's hooks, by id (kept across its restarts). */
        public Builder hooks(LongFunction<ServerHooks> byId) {
            hooks = byId;
            return this;
        }

        /**
         * Starts every server and waits until each serves clients. The peer ports are picked free
         * before the servers bind them, so a test running alongside may take one in between:
         * then the whole ensemble starts again on other ports.
         */
        public PaddockEnsemble start() {
            for (int attempt = 1;; attempt++) {
                try {
                    return startOnce();
                } catch (RuntimeException e) {
                    if (attempt == BIND_ATTEMPTS || !causedByBindFailure(e)) {
                        throw e;
                    }
                }
            }
        }

        private PaddockEnsemble startOnce() {
            PaddockEnsemble e;
            try {
                e = new PaddockEnsemble(Files.createTempDirectory("paddock-ensemble"),
                        participants, observers, tickTime, serverOptions, hooks, ensembleOptions,
                        null);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            boolean started = false;
            try {
                for (EnsembleMember m : e.members) {
                    e.startServer(m.id());
                }
                e.awaitServing(e.ids());
                started = true;
                return e;
            } finally {
                if (!started) {
                    e.close();
                }
            }
        }

        private static boolean causedByBindFailure(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    return true;
                }
            }
            return false;
        }
    }
}
