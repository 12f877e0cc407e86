package io.paddock.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An ensemble of one kind of server, each member a child JVM on 127.0.0.1 with its own
 * ephemeral client, quorum and election ports and a temporary directory holding zoo.cfg,
 * {@code data/myid} and its logs. Members are numbered from 0 here (server.N with N = index+1).
 * A member can be killed and started again on the same directory and ports.
 *
 * <p>Thread-safe: member changes are synchronized, and {@link #close()} may race with a
 * shutdown hook.
 */
final class Ensemble implements ServerUnderTest, AutoCloseable {
    private static final Duration WHOLE_TIMEOUT = Duration.ofSeconds(120);

    private final ServerKind kind;
    private final ServerSettings settings;
    private final String classpath;
    private final Path root;
    private final int[] clientPorts;
    private final List<String> serverLines = new ArrayList<>();
    private final ServerProcess[] members;
    private String keepLogsBecause;

    private Ensemble(ServerKind kind, ServerSettings settings, String classpath, int size)
            throws IOException {
        this.kind = kind;
        this.settings = settings;
        this.classpath = classpath;
        this.root = Files.createTempDirectory("paddock-bench-ensemble-" + kind.name()
                .toLowerCase(java.util.Locale.ROOT) + "-");
        this.clientPorts = new int[size];
        this.members = new ServerProcess[size];
        for (int i = 0; i < size; i++) {
            clientPorts[i] = ServerProcess.freePort();
            serverLines.add("server." + (i + 1) + "=127.0.0.1:" + ServerProcess.freePort() + ":"
                    + ServerProcess.freePort());
        }
    }

    /** Starts every member and returns once each serves as leader or follower. */
    static Ensemble start(ServerKind kind, ServerSettings settings, String classpath, int size) {
        Ensemble e;
        try {
            e = new Ensemble(kind, settings, classpath, size);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot prepare a " + kind.label() + " ensemble", ex);
        }
        try {
            for (int i = 0; i < size; i++) {
                e.launch(i);
            }
            e.awaitWhole();
            return e;
        } catch (RuntimeException | InterruptedException ex) {
            e.close();
            throw new IllegalStateException(kind.label() + " ensemble did not form: " + ex
                    .getMessage(), ex);
        }
    }

    /** Starts member {@code i} (again) on its directory and ports; returns without waiting. */
    synchronized ServerProcess launch(int i) {
        Path dir = root.resolve("server" + (i + 1));
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("data").resolve("myid"), Integer.toString(i + 1));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        members[i] = ServerProcess.launchMember(kind, settings, classpath, dir, clientPorts[i],
                settings.memberCfg(clientPorts[i], dir.resolve("data"), serverLines));
        return members[i];
    }

    /** Keeps the members' directories (logs, data) at close, saying why, for whoever debugs. */
    synchronized void keepLogs(String why) {
        keepLogsBecause = why;
    }

    /** Kills member {@code i} with SIGKILL, as a crash would, and waits until it is gone. */
    void kill(int i) throws InterruptedException {
        member(i).kill();
    }

    synchronized ServerProcess member(int i) {
        return members[i];
    }

    int size() {
        return members.length;
    }

    /** The index of the member that answers {@code srvr} with Mode: leader, or -1. */
    int leader() {
        for (int i = 0; i < size(); i++) {
            if (member(i).isAlive() && member(i).mode().equals("leader")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Waits until every member serves, one as leader and the others as followers (a restarted
     * member has synced with the leader); IllegalStateException with the logs after 2 minutes.
     */
    void awaitWhole() throws InterruptedException {
        long deadline = System.nanoTime() + WHOLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> modes = modes();
            if (modes.stream().filter("leader"::equals).count() == 1
                    && modes.stream().filter("follower"::equals).count() == size() - 1) {
                return;
            }
            for (int i = 0; i < size(); i++) {
                if (!member(i).isAlive()) {
                    throw new IllegalStateException(kind.label() + " member " + (i + 1)
                            + " exited; its logs:\n" + member(i).consoleTail());
                }
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling child processes: nothing to wait on
        }
        throw new IllegalStateException(kind.label() + " ensemble not whole within "
                + WHOLE_TIMEOUT + " (modes " + modes() + "); logs:\n" + consoleTail());
    }

    /** Each member's srvr mode, "" for one that does not serve. */
    List<String> modes() {
        return IntStream.range(0, size()).mapToObj(i -> member(i).mode()).toList();
    }

    /** The client port of member {@code i}. */
    int clientPort(int i) {
        return clientPorts[i];
    }

    @Override
    public ServerKind kind() {
        return kind;
    }

    @Override
    public String connectString() {
        return IntStream.range(0, size()).mapToObj(this::address)
                .collect(Collectors.joining(","));
    }

    @Override
    public String connectString(int session) {
        return address(session % size());
    }

    private String address(int i) {
        return "127.0.0.1:" + clientPorts[i];
    }

    @Override
    public boolean isAlive() {
        return IntStream.range(0, size()).allMatch(i -> member(i).isAlive());
    }

    @Override
    public ProcStats stats() {
        long cpu = 0;
        long rss = 0;
        for (int i = 0; i < size(); i++) {
            ProcStats s = member(i).stats();
            cpu += s.cpuNanos();
            rss += s.peakRssKb();
        }
        return new ProcStats(cpu, rss);
    }

    @Override
    public void resetPeakRss() {
        IntStream.range(0, size()).forEach(i -> member(i).resetPeakRss());
    }

    @Override
    public String consoleTail() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            b.append("--- ").append(kind.label()).append(" member ").append(i + 1).append(" (")
                    .append(member(i).workDir()).append(")\n").append(member(i).consoleTail());
        }
        return b.toString();
    }

    @Override
    public synchronized void close() {
        boolean crashed = false;
        for (ServerProcess m : members) {
            if (m != null) {
                crashed |= !m.isAlive() && !m.wasStopped();
                m.close();
            }
        }
        if (crashed && keepLogsBecause == null) {
            keepLogsBecause = "a member died on its own";
        }
        if (keepLogsBecause != null) {
            System.err.println(kind.label() + " ensemble: " + keepLogsBecause + "; logs kept in "
                    + root);
        } else {
            ServerProcess.deleteQuietly(root);
        }
    }
}
