package io.paddock.zab.runtime;

import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Proposal;
import io.paddock.zab.transport.NettyTransport;
import io.paddock.zab.transport.TransportConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One in-process peer of a {@link TestEnsemble}: its data directory and, while up, its runtime. */
final class TestNode {
    static final Duration TICK = Duration.ofMillis(10);
    private static final FileTxnLogOptions LOG_OPTIONS =
            FileTxnLogOptions.defaults().withPreAllocSize(1 << 20).withSegmentSizeLimit(16 << 20);

    final long id;
    private final Path dataDir;
    private final PeerConfig peer;
    private final TransportConfig transportConfig;
    private ZabRuntime runtime;
    private RecordingStateMachine stateMachine;
    private TappedTransport transport;
    private int starts;

    TestNode(long id, Path dataDir, PeerConfig peer, TransportConfig transportConfig) {
        this.id = id;
        this.dataDir = dataDir;
        this.peer = peer;
        this.transportConfig = transportConfig;
    }

    /** Starts (or restarts) from whatever the data directory holds. */
    synchronized void start() {
        if (runtime != null) {
            throw new IllegalStateException("node " + id + " is already up");
        }
        try {
            stateMachine = new RecordingStateMachine(dataDir.resolve("state"));
            PeerStorage storage = PeerStorage.open(dataDir.resolve("zab"), LOG_OPTIONS);
            transport = new TappedTransport(new NettyTransport(transportConfig,
                    storage.workDir().resolve("incoming")));
            runtime = new ZabRuntime(new RuntimeConfig(peer, TICK), storage, stateMachine, transport);
            runtime.start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes its sockets and stops its threads without a final flush: a crash. */
    synchronized void crash() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    /** Deletes everything the node ever wrote; it must be down. */
    synchronized void wipe() throws IOException {
        if (runtime != null) {
            throw new IllegalStateException("wipe node " + id + " while it runs");
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> all = Files.walk(dataDir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    synchronized boolean isUp() {
        return runtime != null;
    }

    synchronized ZabRuntime runtime() {
        if (runtime == null) {
            throw new IllegalStateException("node " + id + " is down");
        }
        return runtime;
    }

    synchronized TappedTransport transport() {
        return transport;
    }

    synchronized boolean isServing() {
        return runtime != null && runtime.isServing();
    }

    synchronized List<Proposal> applied() {
        return stateMachine == null ? List.of() : stateMachine.applied();
    }

    synchronized long lastApplied() {
        return runtime == null ? -1 : runtime.lastApplied();
    }

    synchronized int starts() {
        return starts;
    }

    @Override
    public synchronized String toString() {
        return "node " + id + (runtime == null ? " down" : " " + runtime.role()
                + " applied " + Long.toHexString(runtime.lastApplied()));
    }
}
