package io.paddock.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The built tarball unpacked into a directory, with its scripts run as an operator runs them:
 * from another working directory, with {@code PADDOCK_CONF_DIR} and {@code PADDOCK_LOG_DIR}
 * pointing outside the installation and {@code JAVA_HOME} set to the JVM running the tests.
 *
 * <p>Not thread-safe: one test drives one installation.
 */
final class Installation {
    /** How long one script may run; {@code start} itself waits up to the start timeout below. */
    private static final Duration SCRIPT_WAIT = Duration.ofSeconds(120);
    private static final Duration SERVER_START = Duration.ofSeconds(60);
    private static final Duration SERVER_STOP = Duration.ofSeconds(60);
    /** Settings of the caller's environment that would change what the scripts run. */
    private static final List<String> CLEARED = List.of("PADDOCK_HOME", "PADDOCK_PID_DIR",
            "SERVER_JVMFLAGS", "JVMFLAGS", "PADDOCK_JVM_OPTS", "CLIENT_JVMFLAGS", "JMXPORT");

    final Path root;
    final Path home;
    final Path conf;
    final Path logs;
    final Path data;

    private Installation(Path root, Path home) {
        this.root = root;
        this.home = home;
        this.conf = root.resolve("etc");
        this.logs = root.resolve("logs");
        this.data = root.resolve("data");
    }

    /** The tarball the build made, named by the {@code paddock.tarball} property Maven sets. */
    static Path tarball() {
        String path = System.getProperty("paddock.tarball");
        assertTrue(path != null && Files.isRegularFile(Path.of(path)),
                "the tarball (-Dpaddock.tarball=" + path + ") is built by mvn package; run mvn verify");
        return Path.of(path);
    }

    /** True when a bash can be started: the scripts need one. */
    static boolean bashAvailable() {
        try {
            Process p = new ProcessBuilder("bash", "-c", "exit 0").start();
            return Timing.waitFor(p, Duration.ofSeconds(30)) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unpacks the tarball below {@code root} with tar, as its README says. */
    static Installation unpack(Path root) throws IOException, InterruptedException {
        Path tarball = tarball();
        Result untar = run(root, Map.of(), null, "tar", "-xzf", tarball.toString(), "-C", root.toString());
        assertEquals(0, untar.status(), untar.output());
        Path home;
        try (Stream<Path> dirs = Files.list(root)) {
            home = dirs.filter(p -> p.getFileName().toString().startsWith("paddock-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no paddock-VERSION directory in " + tarball));
        }
        Installation installation = new Installation(root, home);
        Files.createDirectories(installation.conf);
        return installation;
    }

    /** An ephemeral port on 127.0.0.1 that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Writes {@code PADDOCK_CONF_DIR/name}. */
    void writeConf(String name, String... lines) throws IOException {
        Files.write(conf.resolve(name), List.of(lines), StandardCharsets.ISO_8859_1);
    }

    /** A zoo.cfg of a standalone server on {@code port} with its data in {@link #data}. */
    void writeZooCfg(int port) throws IOException {
        writeConf("zoo.cfg",
                "dataDir=" + data,
                "clientPortAddress=127.0.0.1",
                "clientPort=" + port,
                "admin.serverAddress=127.0.0.1",
                "admin.serverPort=0",
                "metricsProvider.httpHost=127.0.0.1",
                "metricsProvider.httpPort=0");
    }

    /** Runs {@code bin/script args...} and waits for it. */
    Result script(String script, String... args) throws IOException, InterruptedException {
        return scriptWithInput(null, script, args);
    }

    /** Runs {@code bin/script args...} with {@code input} on its stdin, and waits for it. */
    Result scriptWithInput(String input, String script, String... args)
            throws IOException, InterruptedException {
        return run(root, environment(), input, command(script, args));
    }

    /** Starts {@code bin/script args...} without waiting; its output goes to {@code output}. */
    Process launch(Path output, String script, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(script, args)).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(environment());
        CLEARED.forEach(pb.environment()::remove);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    private String[] command(String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    private Map<String, String> environment() {
        return Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "PADDOCK_CONF_DIR", conf.toString(),
                "PADDOCK_LOG_DIR", logs.toString(),
                "PADDOCK_START_TIMEOUT", Long.toString(Timing.scaled(SERVER_START).toSeconds()),
                "PADDOCK_STOP_TIMEOUT", Long.toString(Timing.scaled(SERVER_STOP).toSeconds()));
    }

    private static Result run(Path dir, Map<String, String> env, String input, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "script", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        CLEARED.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream stdin = p.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!Timing.waitFor(p, SCRIPT_WAIT)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " still runs after " + SCRIPT_WAIT
                    + "; output so far:\n" + Files.readString(output));
        }
        String text = Files.readString(output);
        Files.delete(output);
        return new Result(p.exitValue(), text);
    }

    /** The pid in the server's pid file, or -1 when there is no pid file. */
    long pidFromFile() throws IOException {
        Path file = data.resolve("paddock_server.pid");
        return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : -1;
    }

    /**
     * True while process {@code pid} runs. A zombie counts as gone: once the start script has
     * exited, the server is some other process's child, and that one may be slow to reap it.
     */
    static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc", "self"))) {
            try {
                String s = Files.readString(stat);
                return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** What a script printed (stdout and stderr together) and its exit status. */
    record Result(int status, String output) {
    }
}
