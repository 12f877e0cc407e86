package io.paddock.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One server under test running as a child JVM on 127.0.0.1, an ephemeral port and a temporary
 * data directory. {@link #close()} stops it (SIGTERM, then SIGKILL) and deletes the directory.
 *
 * <p>Thread-safe: close may race with a shutdown hook and is idempotent.
 */
public final class ServerProcess implements ServerUnderTest, AutoCloseable {
    private static final long START_TIMEOUT_MS = 90_000;

    private final ServerKind kind;
    private final Process process;
    private final int port;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final long launchedNanos;
    private boolean closed;
    private ProcStats lastStats = new ProcStats(0, 0);

    private ServerProcess(ServerKind kind, Process process, int port, Path workDir,
            boolean ownsWorkDir, long launchedNanos) {
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.launchedNanos = launchedNanos;
    }

    /** Starts the server and returns once its client port accepts connections. */
    public static ServerProcess start(ServerKind kind, ServerSettings settings, String classpath) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("paddock-bench-" + kind.name().toLowerCase() + "-");
            ServerProcess server = launch(kind, settings, classpath, dir, freePort(), true);
            server.awaitServing();
            return server;
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException("cannot start " + kind.label(), e);
        }
    }

    /**
     * Starts the server on a directory the caller owns (kept by {@link #close()}) and returns at
     * once, without waiting for it to serve: the restart benchmark times that wait itself. The
     * same directory and port may be launched again after {@link #stop()}.
     */
    public static ServerProcess launch(ServerKind kind, ServerSettings settings,
            String classpath, Path dir, int port) {
        try {
            return launch(kind, settings, classpath, dir, port, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + kind.label(), e);
        }
    }

    private static ServerProcess launch(ServerKind kind, ServerSettings settings,
            String classpath, Path dir, int port, boolean ownsDir) throws IOException {
        Path dataDir = Files.createDirectories(dir.resolve("data"));
        return launch(kind, settings, classpath, dir, port, kind.mainClass(),
                settings.zooCfg(port, dataDir), ownsDir);
    }

    /**
     * Starts one member of an ensemble on a directory the caller owns (its {@code data/myid}
     * written by the caller) from the given zoo.cfg text, and returns at once.
     */
    static ServerProcess launchMember(ServerKind kind, ServerSettings settings, String classpath,
            Path dir, int port, String zooCfg) {
        try {
            Files.createDirectories(dir.resolve("data"));
            return launch(kind, settings, classpath, dir, port, kind.ensembleMainClass(), zooCfg,
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a " + kind.label() + " member", e);
        }
    }

    private static ServerProcess launch(ServerKind kind, ServerSettings settings,
            String classpath, Path dir, int port, String mainClass, String zooCfg,
            boolean ownsDir) throws IOException {
        Path cfg = Files.writeString(dir.resolve("zoo.cfg"), zooCfg);
        Path logback = Files.writeString(dir.resolve("logback.xml"),
                ServerSettings.logbackXml(dir.resolve("server.log")));
        long launched = System.nanoTime();
        Process p = new ProcessBuilder(command(kind, settings, classpath, mainClass, cfg,
                logback))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log")
                        .toFile()))
                .start();
        return new ServerProcess(kind, p, port, dir, ownsDir, launched);
    }

    private static List<String> command(ServerKind kind, ServerSettings settings,
            String classpath, String mainClass, Path cfg, Path logback) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xms" + settings.heapMb() + "m");
        cmd.add("-Xmx" + settings.heapMb() + "m");
        // An out-of-memory server should stop and say so, not limp on; the same for both.
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Dlogback.configurationFile=" + logback);
        // For profiling one side, e.g. BENCH_PADDOCK_JAVA_OPTS="-XX:StartFlightRecording=filename=p.jfr".
        String extra = System.getenv("BENCH_" + kind.name() + "_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(kind.programArgs(cfg));
        return cmd;
    }

    private void awaitServing() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException(kind.label() + " exited with "
                        + process.exitValue() + " before listening; console:\n" + consoleTail());
            }
            if (serving()) {
                return;
            }
            pause();
        }
        String tail = consoleTail();
        close();
        throw new IllegalStateException(kind.label() + " did not listen on port " + port
                + " within " + START_TIMEOUT_MS + " ms; console:\n" + tail);
    }

    /**
     * Whether the server answers {@code srvr} with its mode: an open port is not enough, since
     * ZooKeeper accepts connections and closes them until its first snapshot is written.
     */
    private boolean serving() {
        return !mode().isEmpty();
    }

    /**
     * The mode {@code srvr} reports ({@code standalone}, {@code leader}, {@code follower},
     * {@code observer}), or "" when the server does not answer with one (not serving).
     */
    public String mode() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(2_000);
            s.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            int at = reply.indexOf("Mode:");
            if (at < 0) {
                return "";
            }
            int end = reply.indexOf('\n', at);
            return reply.substring(at + 5, end < 0 ? reply.length() : end).trim();
        } catch (IOException notYet) {
            return "";
        }
    }

    private static void pause() {
        try {
            // Polling a child process's port: there is nothing to wait on but time.
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a server", e);
        }
    }

    /** The last lines of the child's console and log file, for error messages. */
    @Override
    public String consoleTail() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("console.log", "server.log")) {
            try {
                List<String> lines = Files.readAllLines(workDir.resolve(name));
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            } catch (IOException e) {
                out.append("(no ").append(name).append(")\n");
            }
        }
        return out.toString();
    }

    /** System.nanoTime() just before the child process was started. */
    public long launchedNanos() {
        return launchedNanos;
    }

    /** Whether the server answers {@code srvr} as serving (see {@link #serving()}). */
    public boolean isServing() {
        return serving();
    }

    /** Kills the server with SIGKILL, as a crash would, and waits for it to go; the directory is kept. */
    public void kill() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        process.destroyForcibly().waitFor();
    }

    /**
     * Stops the server the way an operator does (SIGTERM, its shutdown hooks run) and waits for
     * it to exit; the directory is kept. Returns the exit status.
     */
    public int stop(Duration max) throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        process.destroy();
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(kind.label() + " did not stop within " + max
                    + " of SIGTERM; killed. Console:\n" + consoleTail());
        }
        return process.exitValue();
    }

    /** Whether the benchmark killed, stopped or closed it (as opposed to its dying on its own). */
    synchronized boolean wasStopped() {
        return closed;
    }

    /** The directory holding zoo.cfg, data, console.log and server.log. */
    public Path workDir() {
        return workDir;
    }

    /** A free ephemeral port on the loopback address. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public ServerKind kind() {
        return kind;
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + port;
    }

    @Override
    public String connectString(int session) {
        return connectString();
    }

    /** The client port on 127.0.0.1. */
    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time and peak RSS of the child so far; the last reading once it has exited. */
    @Override
    public synchronized ProcStats stats() {
        if (process.isAlive()) {
            try {
                lastStats = ProcStats.read(process.pid());
            } catch (java.io.UncheckedIOException exitedJustNow) {
                // keep the last reading
            }
        }
        return lastStats;
    }

    /** Whether the child is still running. */
    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Starts a new peak-RSS window (best effort). */
    @Override
    public void resetPeakRss() {
        ProcStats.resetPeakRss(process.pid());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!process.isAlive()) {
            // It died on its own: keep its logs for whoever reads the report.
            System.err.println(kind.label() + " exited with " + process.exitValue()
                    + " during the run; its logs are kept in " + workDir + "\n" + consoleTail());
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (ownsWorkDir) {
            deleteQuietly(workDir);
        }
    }

    /** Deletes a directory tree, best effort. */
    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }
}
