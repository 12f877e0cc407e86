package io.paddock.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The failover row on one ensemble: under a steady write load of official-client sessions
 * spread over the members, kill -9 the leader (found with {@code srvr}); per session, the time
 * from the kill to its first acknowledged write after it, and the Disconnected events seen by
 * sessions connected to members that stayed up. Then the killed member is started again and the
 * ensemble waited for until it is whole, before the next kill. Each kill opens fresh sessions,
 * so every member holds the same number of them when its leader dies.
 *
 * <p>Not thread-safe: one run on the calling thread; the writers run on their clients' threads.
 */
final class Failover {
    static final String ROOT = "/failover";
    private static final int SESSION_TIMEOUT_MS = 30_000;
    private static final Duration STEADY = Duration.ofSeconds(1);

    private final Ensemble ensemble;
    private final int writersPerServer;
    private final Duration timeout;
    private final Consumer<String> progress;
    private final byte[] value = new byte[100];

    Failover(Ensemble ensemble, int writersPerServer, Duration timeout,
            Consumer<String> progress) {
        this.ensemble = ensemble;
        this.writersPerServer = writersPerServer;
        this.timeout = timeout;
        this.progress = progress;
    }

    /** Runs {@code kills} rounds, each ending with the ensemble whole again. */
    List<FailoverRound> run(int kills, ZooKeeper setup)
            throws InterruptedException, KeeperException, IOException {
        int writers = writersPerServer * ensemble.size();
        setup.create(ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int w = 0; w < writers; w++) {
            setup.create(ROOT + "/w" + w, value, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
        }
        List<FailoverRound> rounds = new ArrayList<>();
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int k = 0; k < kills; k++) {
                FailoverRound r = round(retries);
                rounds.add(r);
                progress.accept(String.format(java.util.Locale.ROOT, "%s kill %d of %d: "
                        + "leader member %d; first write after the kill: median %d ms, slowest "
                        + "%d ms; %d Disconnected at %d clients of surviving members; %d "
                        + "writers unanswered", ensemble.kind().label(), k + 1, kills,
                        r.killedMember() + 1, r.medianMillis(), r.maxMillis(),
                        r.survivorDisconnections(), r.survivorClients(), r.unanswered()));
            }
        } finally {
            retries.shutdownNow();
        }
        return rounds;
    }

    private FailoverRound round(ScheduledExecutorService retries)
            throws IOException, InterruptedException {
        List<FailoverWriter> writers = balancedWriters(retries);
        try {
            writers.forEach(FailoverWriter::start);
            awaitCondition(() -> writers.stream().allMatch(w -> w.acks() > 0), "first writes");
            TimeUnit.MILLISECONDS.sleep(STEADY.toMillis()); // a steady load before the kill
            int leader = ensemble.leader();
            if (leader < 0) {
                throw new IllegalStateException(ensemble.kind().label() + ": no member answers "
                        + "srvr as leader; modes " + ensemble.modes());
            }
            int leaderPort = ensemble.clientPort(leader);
            List<Boolean> onLeader = writers.stream().map(w -> w.serverPort() == leaderPort)
                    .toList();
            long killNanos = System.nanoTime();
            ensemble.kill(leader); // returns once the process is gone
            long goneNanos = System.nanoTime();
            writers.forEach(w -> w.mark(goneNanos));
            awaitCondition(() -> writers.stream().allMatch(w -> w.firstAckAfterMark() >= 0),
                    null);
            FailoverRound r = FailoverRound.of(leader, killNanos, writers, onLeader);
            if (r.unanswered() > 0) {
                List<String> stuck = writers.stream().filter(w -> w.firstAckAfterMark() < 0)
                        .map(FailoverWriter::sessionHex).toList();
                ensemble.keepLogs("session(s) " + stuck + " had no write acknowledged within "
                        + timeout + " of the kill of leader member " + (leader + 1));
                progress.accept(ensemble.kind().label() + ": no write acknowledged for "
                        + "session(s) " + stuck);
            }
            return r;
        } finally {
            writers.forEach(FailoverWriter::stop);
            awaitCondition(() -> writers.stream().allMatch(FailoverWriter::idle), null);
            writers.forEach(FailoverWriter::close);
            restartKilled();
        }
    }

    private void restartKilled() throws InterruptedException {
        for (int i = 0; i < ensemble.size(); i++) {
            if (!ensemble.member(i).isAlive()) {
                ensemble.launch(i);
            }
        }
        ensemble.awaitWhole();
    }

    /**
     * Opens sessions on the whole connect string (the client picks a member at random, as
     * applications do) until every member holds {@code writersPerServer}; extras are closed.
     */
    private List<FailoverWriter> balancedWriters(ScheduledExecutorService retries)
            throws IOException, InterruptedException {
        int[] perMember = new int[ensemble.size()];
        List<FailoverWriter> kept = new ArrayList<>();
        int wanted = writersPerServer * ensemble.size();
        for (int attempt = 0; kept.size() < wanted && attempt < wanted * 20; attempt++) {
            FailoverWriter w = new FailoverWriter(ensemble.connectString(), SESSION_TIMEOUT_MS,
                    ROOT + "/w" + kept.size(), value, retries);
            awaitCondition(() -> w.serverPort() > 0, "a session");
            int member = memberOf(w.serverPort());
            if (member >= 0 && perMember[member] < writersPerServer) {
                perMember[member]++;
                kept.add(w);
            } else {
                w.close();
            }
        }
        if (kept.size() < wanted) {
            kept.forEach(FailoverWriter::close);
            throw new IllegalStateException("could not spread " + wanted + " sessions over "
                    + ensemble.kind().label() + "'s members");
        }
        return kept;
    }

    private int memberOf(int port) {
        for (int i = 0; i < ensemble.size(); i++) {
            if (ensemble.clientPort(i) == port) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Polls until the condition holds or the row's timeout passes; with a description, a
     * timeout is an error, without one it ends the wait (what is missing is counted).
     */
    private void awaitCondition(java.util.function.BooleanSupplier done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                if (what != null) {
                    throw new IllegalStateException(ensemble.kind().label() + ": no " + what
                            + " within " + timeout);
                }
                return;
            }
            TimeUnit.MILLISECONDS.sleep(5); // polling client state set on the clients' threads
        }
    }
}
