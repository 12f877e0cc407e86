package io.paddock.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ensemble rows' table (failover, restarted follower) with Paddock/ZooKeeper ratios. Stateless. */
final class EnsembleTable {
    private EnsembleTable() {
    }

    static Comparison of(EnsembleOptions o, Map<ServerKind, EnsembleBench.Result> r,
            ChildClasspaths classpaths) {
        EnsembleBench.Result p = r.get(ServerKind.PADDOCK);
        EnsembleBench.Result z = r.get(ServerKind.ZOOKEEPER);
        Comparison t = new Comparison(String.format(Locale.ROOT, "Ensembles of %d: leader kill "
                + "-9 under write load (median of %d kills), restarted follower of %,d znodes",
                o.size(), o.kills(), o.znodes()), "Paddock", "ZooKeeper");
        t.add("kill -> first acked write, median session, ms",
                        median(p.rounds(), FailoverRound::medianMillis),
                        median(z.rounds(), FailoverRound::medianMillis), "")
                .add("kill -> first acked write, slowest session, ms",
                        median(p.rounds(), FailoverRound::maxMillis),
                        median(z.rounds(), FailoverRound::maxMillis), "")
                .add("Disconnected at sessions of surviving servers, per kill",
                        median(p.rounds(), FailoverRound::survivorDisconnections),
                        median(z.rounds(), FailoverRound::survivorDisconnections), "P: 0")
                .add("sessions of surviving servers, per kill",
                        median(p.rounds(), FailoverRound::survivorClients),
                        median(z.rounds(), FailoverRound::survivorClients), "")
                .add("Disconnected at surviving servers' sessions, all kills",
                        sum(p.rounds(), FailoverRound::survivorDisconnections),
                        sum(z.rounds(), FailoverRound::survivorDisconnections), "")
                .add("sessions with no acked write in 90 s, all kills",
                        sum(p.rounds(), FailoverRound::unanswered),
                        sum(z.rounds(), FailoverRound::unanswered), "")
                .add("load before the follower restart, creates/s",
                        p.follower().znodes() / p.follower().loadSeconds(),
                        z.follower().znodes() / z.follower().loadSeconds(), "")
                .add("restarted follower: start -> srvr Mode: follower, ms",
                        p.follower().servingMillis(), z.follower().servingMillis(), "")
                .add("znodes on the restarted follower", p.follower().znodesOnFollower(),
                        z.follower().znodesOnFollower(), "");
        t.notes().add("Paddock " + classpaths.paddockVersion() + " (this build) vs Apache "
                + "ZooKeeper " + classpaths.zookeeperVersion() + " (QuorumPeerMain), one "
                + "ensemble at a time on fresh directories, every member a child JVM on "
                + "127.0.0.1 with -Xms/-Xmx " + o.bench().settings().heapMb() + " MB, tickTime "
                + o.bench().settings().tickTimeMs() + ", initLimit 10, syncLimit 5, "
                + "forceSync=yes.");
        t.notes().add("Failover: " + o.writersPerServer() + " official-client sessions per "
                + "member (all members' connect string; sessions opened until each member holds "
                + "as many), each doing setData of its own node one at a time (a failed request "
                + "is retried after 2 ms); after 1 s of steady load the member answering srvr "
                + "'Mode: leader' is killed with SIGKILL. Per session: ms from the kill to the "
                + "acknowledgement of its first write issued after the killed process was gone "
                + "(a write sent earlier may have been committed by the old leader); per kill the median and the slowest session; the "
                + "table shows the median over kills. Disconnected = KeeperState.Disconnected "
                + "events after the kill at sessions connected to members that stayed up. "
                + "Between kills the killed member is started again and the ensemble waited "
                + "for until one leader and all followers answer srvr.");
        t.notes().add("Restarted follower: " + String.format(Locale.ROOT, "%,d", o.znodes())
                + " znodes of 100 bytes loaded with async creates (2 sessions per member x 64 "
                + "outstanding, 10 parents), a follower killed with SIGKILL, 100 setData while "
                + "it is down, then it is started on its directory: ms from just before its "
                + "process starts until srvr answers 'Mode: follower' (JVM start, loading its "
                + "snapshot and log, syncing with the leader).");
        t.notes().add(String.format(Locale.ROOT, "%d CPU cores shared by the client and every "
                + "member: timings are noisy.", Runtime.getRuntime().availableProcessors()));
        return t;
    }

    private static double median(List<FailoverRound> rounds,
            java.util.function.ToDoubleFunction<FailoverRound> f) {
        return FailoverRound.medianOver(rounds, f);
    }

    private static double sum(List<FailoverRound> rounds,
            java.util.function.ToIntFunction<FailoverRound> f) {
        return rounds.stream().mapToInt(f).sum();
    }
}
