package io.paddock.server.testing;

import io.paddock.server.PaddockServer;
import io.paddock.server.config.EnsembleConfig;
import io.paddock.server.config.EnsembleMember;
import io.paddock.server.config.PeerType;
import io.paddock.server.config.ServerConfig;
import io.paddock.testing.Timing;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private boolean readOnlyMode;
    private java.util.function.UnaryOperator<EnsembleConfig> tweak = c -> c;
    private io.paddock.server.config.OperationsConfig operations;
    private java.util.function.LongFunction<io.paddock.server.config.SecurityConfig> security =
            id -> io.paddock.server.config.SecurityConfig.NONE;
    private final List<EnsembleMember> members = new ArrayList<>();
    private final Map<Long, PaddockServer> running = new HashMap<>();
    private final Map<Long, Integer> clientPorts = new HashMap<>();

    private PaddockEnsemble(Path root, int participants, int observers, int tickTime) {
        this.root = root;
        this.tickTime = tickTime;
        for (long id = 1; id <= participants + observers; id++) {
            members.add(new EnsembleMember(id, loopback(freePort()), loopback(freePort()),
                    Optional.empty(), id <= participants ? PeerType.PARTICIPANT : PeerType.OBSERVER));
        }
    }

    /**
     * [ops] Like {@link #start(int, int)}, every server serving the admin HTTP endpoints as
     * {@code operations} says (use ephemeral ports).
     */
    public static PaddockEnsemble startWithOperations(int participants,
            io.paddock.server.config.OperationsConfig operations) {
        try {
            PaddockEnsemble e = new PaddockEnsemble(Files.createTempDirectory("paddock-ensemble"),
                    participants, 0, 200);
            e.operations = operations;
            for (EnsembleMember m : e.members) {
                e.startServer(m.id());
            }
            e.awaitServing(e.ids());
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Like {@link #start(int, int)}, each server's ensemble config changed by {@code tweak}. */
    public static PaddockEnsemble startWith(int participants,
            java.util.function.UnaryOperator<EnsembleConfig> tweak) {
        try {
            PaddockEnsemble e = new PaddockEnsemble(Files.createTempDirectory("paddock-ensemble"),
                    participants, 0, 200);
            e.tweak = tweak;
            for (EnsembleMember m : e.members) {
                e.startServer(m.id());
            }
            e.awaitServing(e.ids());
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * {@code participants} voters, none started yet (start them with {@link #startServer}), each
     * with the security settings {@code security} gives for its id: quorum TLS, say.
     */
    public static PaddockEnsemble unstarted(int participants,
            java.util.function.LongFunction<io.paddock.server.config.SecurityConfig> security) {
        try {
            PaddockEnsemble e = new PaddockEnsemble(Files.createTempDirectory("paddock-ensemble"),
                    participants, 0, 200);
            e.security = security;
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts {@code participants} voters and {@code observers} observers; waits for a leader. */
    public static PaddockEnsemble start(int participants, int observers) {
        return start(participants, observers, 200);
    }

    public static PaddockEnsemble start(int participants, int observers, int tickTime) {
        return start(participants, observers, tickTime, false);
    }

    /** @param readOnlyMode readonlymode.enabled on every server */
    public static PaddockEnsemble start(int participants, int observers, int tickTime,
            boolean readOnlyMode) {
        try {
            PaddockEnsemble e = new PaddockEnsemble(Files.createTempDirectory("paddock-ensemble"),
                    participants, observers, tickTime);
            e.readOnlyMode = readOnlyMode;
            for (EnsembleMember m : e.members) {
                e.startServer(m.id());
            }
            e.awaitServing(e.ids());
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
        ServerConfig config = ServerConfig.builder()
                .clientAddress(new InetSocketAddress("127.0.0.1", clientPorts.getOrDefault(id, 0)))
                .dataDir(dir)
                .tickTime(tickTime)
                .extendedTypesEnabled(true)
                .fourLetterWhitelist(Set.of("*"))
                .metricsJmxEnabled(false)
                .security(security.apply(id))
                .operations(operations == null ? ServerConfig.builder().build().operations()
                        : operations)
                .ensemble(tweak.apply(new EnsembleConfig(id, members, 10, 5, false, 3, 5000)
                        .withReadOnlyMode(readOnlyMode)))
                .build();
        try {
            PaddockServer server = new PaddockServer(config).start();
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
}
