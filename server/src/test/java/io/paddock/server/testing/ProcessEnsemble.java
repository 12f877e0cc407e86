package io.paddock.server.testing;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An ensemble of Paddock servers, each a child JVM ({@code io.paddock.server.Main zoo.cfg} on
 * this JVM's class path) on 127.0.0.1, for tests that kill servers for real: {@link #kill} is
 * kill -9. Every port (client, quorum, election) is picked at construction and kept across
 * restarts. Files live under {@code target/process-ensemble/<name>-*}: per server a zoo.cfg,
 * {@code data/} (with myid) and {@code server.log}, which stays after {@link #close} so a failed
 * test can be read.
 *
 * <p>Not thread-safe: one test thread drives it; {@link #mode} may be called from any thread.
 */
public final class ProcessEnsemble implements AutoCloseable {
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(20);

    private final Path root;
    private final int participants;
    private final Map<Long, int[]> ports = new TreeMap<>(); // client, quorum, election
    private final Map<Long, Process> running = new TreeMap<>();
    private final Thread reaper = new Thread(this::destroyAll, "process-ensemble-reaper");
    private final int tickTime;

    private ProcessEnsemble(Path root, int participants, int observers, int tickTime) {
        this.root = root;
        this.participants = participants;
        this.tickTime = tickTime;
        int[] free = freePorts(3 * (participants + observers));
        for (int i = 0; i < participants + observers; i++) {
            ports.put(i + 1L, new int[] {free[3 * i], free[3 * i + 1], free[3 * i + 2]});
        }
        // A test JVM that dies must not leave servers behind.
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code participants} voters and {@code observers} observers with the given tickTime
     * and waits until one leads and all serve.
     */
    public static ProcessEnsemble start(String name, int participants, int observers, int tickTime) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "process-ensemble"));
            ProcessEnsemble e = new ProcessEnsemble(Files.createTempDirectory(parent, name + "-"),
                    participants, observers, tickTime);
            for (long id : e.ids()) {
                e.start(id);
            }
            e.awaitServing(e.ids());
            e.awaitLeader();
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public Set<Long> ids() {
        return ports.keySet();
    }

    public Set<Long> runningIds() {
        return Set.copyOf(running.keySet());
    }

    public Path dataDir(long id) {
        return root.resolve("server" + id).resolve("data");
    }

    public Path log(long id) {
        return root.resolve("server" + id).resolve("server.log");
    }

    /** Starts server {@code id} (again) with its config and data; does not wait. */
    public void start(long id) {
        if (running.containsKey(id)) {
            throw new IllegalStateException("server " + id + " is running");
        }
        Path dir = root.resolve("server" + id);
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("data").resolve("myid"), Long.toString(id));
            Files.writeString(dir.resolve("zoo.cfg"), zooCfg(id));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), "io.paddock.server.Main",
                    dir.resolve("zoo.cfg").toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
            running.put(id, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("starting server " + id, e);
        }
    }

    /** kill -9 of server {@code id}; returns once the process is gone. */
    public void kill(long id) {
        end(id, true);
    }

    /**
     * SIGSTOP: server {@code id} freezes, its connections open (a long GC pause, a hung VM).
     * Returns once every thread of it has stopped (where /proc tells), so nothing it is sent
     * afterwards is read before {@link #resume}.
     */
    public void pause(long id) {
        signal(id, "STOP");
        long pid = running.get(id).pid();
        Timing.await(EXIT_WAIT).until(() -> allThreadsStopped(pid));
    }

    /** True when every task of {@code pid} is in state T (stopped); true without /proc. */
    private static boolean allThreadsStopped(long pid) throws IOException {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return true;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : all.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // a thread that ended meanwhile
                }
                // "tid (comm) S ...": the state follows the last ')', as comm may hold one
                String state = stat.substring(stat.lastIndexOf(')') + 1).trim();
                if (!state.startsWith("T")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** SIGCONT: a paused server {@code id} carries on. */
    public void resume(long id) {
        signal(id, "CONT");
    }

    private void signal(long id, String signal) {
        Process p = running.get(id);
        if (p == null) {
            throw new IllegalStateException("server " + id + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                    .redirectErrorStream(true).start();
            if (!Timing.waitFor(kill, EXIT_WAIT) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " of server " + id + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM: a clean stop of server {@code id}; returns once the process is gone. */
    public void stop(long id) {
        end(id, false);
    }

    /** Deletes server {@code id}'s data except myid, as a replaced disk would leave it. */
    public void wipe(long id) {
        if (running.containsKey(id)) {
            throw new IllegalStateException("server " + id + " is running");
        }
        Path data = dataDir(id);
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(data) && !p.equals(data.resolve("myid")))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** leader, follower, observer; null while not serving, not running or not answering. */
    public String mode(long id) {
        try {
            String srvr = FourLetterClient.ask(clientPort(id), "srvr");
            for (String line : srvr.split("\n")) {
                if (line.startsWith("Mode: ")) {
                    return line.substring("Mode: ".length()).trim();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The id of the server that reports {@code Mode: leader}; waits for one. */
    public long awaitLeader() {
        long[] leader = new long[1];
        Timing.await(START_WAIT).until(() -> {
            for (long id : runningIds()) {
                if ("leader".equals(mode(id))) {
                    leader[0] = id;
                    return true;
                }
            }
            return false;
        });
        return leader[0];
    }

    /** Waits until each of {@code ids} serves clients. */
    public void awaitServing(Set<Long> ids) {
        Timing.await(START_WAIT).until(() -> ids.stream().allMatch(id -> mode(id) != null));
    }

    /** Starts every server that is not running and waits until all serve under one leader. */
    public void startAllAndAwait() {
        for (long id : ids()) {
            if (!running.containsKey(id)) {
                start(id);
            }
        }
        awaitServing(ids());
        awaitLeader();
    }

    public int clientPort(long id) {
        return ports.get(id)[0];
    }

    /** "127.0.0.1:port" of one server. */
    public String connectString(long id) {
        return "127.0.0.1:" + clientPort(id);
    }

    /** Every server's client address, comma-separated. */
    public String connectString() {
        return ids().stream().map(this::connectString).collect(Collectors.joining(","));
    }

    /** The id of the server listening on {@code port}. */
    public long idOfPort(int port) {
        return ids().stream().filter(id -> clientPort(id) == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server on port " + port));
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the reaper runs anyway
        }
        for (long id : ids()) {
            deleteTree(dataDir(id));
        }
    }

    private void destroyAll() {
        for (long id : List.copyOf(running.keySet())) {
            end(id, true);
        }
    }

    private void end(long id, boolean forcibly) {
        Process p = running.remove(id);
        if (p == null) {
            throw new IllegalStateException("server " + id + " is not running");
        }
        if (forcibly) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!Timing.waitFor(p, EXIT_WAIT)) {
                p.destroyForcibly();
                throw new IllegalStateException("server " + id + " did not exit; killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private String zooCfg(long myId) {
        StringBuilder cfg = new StringBuilder()
                .append("tickTime=").append(tickTime).append('\n')
                .append("initLimit=10\nsyncLimit=5\n")
                .append("dataDir=").append(dataDir(myId).toAbsolutePath()).append('\n')
                .append("clientPortAddress=127.0.0.1\n")
                .append("clientPort=").append(clientPort(myId)).append('\n')
                .append("4lw.commands.whitelist=*\n")
                .append("admin.enableServer=false\nprometheus.enabled=false\njmx.enabled=false\n");
        for (Map.Entry<Long, int[]> e : ports.entrySet()) {
            int[] p = e.getValue();
            cfg.append("server.").append(e.getKey()).append("=127.0.0.1:").append(p[1]).append(':')
                    .append(p[2]).append(e.getKey() > participants ? ":observer" : "")
                    .append(";127.0.0.1:").append(p[0]).append('\n');
        }
        return cfg.toString();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a data directory left under target/ is harmless
        }
    }

    /** {@code count} distinct free ports on 127.0.0.1, held together so they differ. */
    private static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] result = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                held.add(s);
                result[i] = s.getLocalPort();
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // an unreleased port is only a port this ensemble does not use
                }
            }
        }
    }
}
