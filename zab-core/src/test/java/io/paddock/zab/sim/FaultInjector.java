package io.paddock.zab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Injects the faults a seed switched on, one per fault event, at random intervals around the
 * seed's mean: crash a peer (losing its unsynced writes), restart one, partition the peers in two
 * (every link across cut both ways), cut one link one way, heal, slow a disk down or speed it up,
 * or have a peer snapshot and compact its log. A cut or a crash may be noticed by the peers on
 * the other end (the transport's {@code peerDisconnected}), with the seed's notice rate.
 *
 * <p>Not thread-safe: part of one {@link Simulation}.
 */
final class FaultInjector {

    private final Simulation sim;
    private final SplittableRandom random;
    private final SimOptions options;
    private long nextDue = Long.MAX_VALUE;

    FaultInjector(Simulation sim, SplittableRandom random) {
        this.sim = sim;
        this.random = random;
        this.options = sim.options();
    }

    long nextDue() {
        return nextDue;
    }

    void schedule(long now) {
        long mean = options.faultInterval();
        nextDue = mean == 0 ? Long.MAX_VALUE : now + 1 + random.nextLong(2 * mean);
    }

    void inject(long now) {
        schedule(now);
        List<SimPeer> up = new ArrayList<>();
        List<SimPeer> down = new ArrayList<>();
        for (SimPeer p : sim.peers()) {
            (p.isUp() ? up : down).add(p);
        }
        int crash = options.crashes() && !up.isEmpty() ? 3 : 0;
        int restart = down.isEmpty() ? 0 : 4;
        int partition = options.partitions() ? 2 : 0;
        int oneWay = options.oneWayCuts() ? 2 : 0;
        int heal = options.partitions() || options.oneWayCuts() ? 3 : 0;
        int slow = options.slowDisks() ? 1 : 0;
        int compact = options.compactions() && !up.isEmpty() ? 2 : 0;
        int total = crash + restart + partition + oneWay + heal + slow + compact;
        if (total == 0) {
            return;
        }
        int roll = random.nextInt(total);
        if ((roll -= crash) < 0) {
            crash(pick(up), now);
        } else if ((roll -= restart) < 0) {
            SimPeer peer = pick(down);
            sim.stats().fault("restart");
            sim.restart(peer);
        } else if ((roll -= partition) < 0) {
            partition(now);
        } else if ((roll -= oneWay) < 0) {
            cutOneWay(now);
        } else if ((roll -= heal) < 0) {
            sim.stats().fault("heal");
            sim.network().healAll();
            sim.traceLog().add(now, "heal all links");
        } else if ((roll -= slow) < 0) {
            SimPeer peer = pick(sim.peers());
            boolean slowNow = !sim.isSlowDisk(peer);
            sim.setSlowDisk(peer, slowNow);
            sim.stats().fault("slow-disk");
            sim.traceLog().add(now, "disk " + peer.id() + (slowNow ? " slow" : " fast again"));
        } else {
            sim.stats().fault("compaction");
            pick(up).compact();
        }
    }

    private void crash(SimPeer peer, long now) {
        int lost = peer.crash(options.partialWrites());
        sim.stats().fault("crash");
        sim.traceLog().add(now, "crash " + peer.id() + " (" + lost + " unsynced writes lost) leaving "
                + peer.disk().describe());
        sim.network().crashed(peer.id(), now);
        for (SimPeer other : sim.peers()) {
            notice(other, peer.id());
        }
    }

    private void partition(long now) {
        List<SimPeer> all = sim.peers();
        boolean[] side = new boolean[all.size() + 1];
        int left = 0;
        for (SimPeer p : all) {
            side[(int) p.id()] = random.nextBoolean();
            left += side[(int) p.id()] ? 1 : 0;
        }
        if (left == 0 || left == all.size()) {
            side[(int) pick(all).id()] ^= true;
        }
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (SimPeer p : all) {
            (side[(int) p.id()] ? a : b).append(a.length() == 0 && side[(int) p.id()]
                    || b.length() == 0 && !side[(int) p.id()] ? "" : ",").append(p.id());
        }
        sim.stats().fault("partition");
        sim.traceLog().add(now, "partition {" + a + "} {" + b + "}");
        for (SimPeer p : all) {
            for (SimPeer q : all) {
                if (side[(int) p.id()] && !side[(int) q.id()]) {
                    cut(p, q, now);
                    cut(q, p, now);
                }
            }
        }
    }

    private void cutOneWay(long now) {
        List<SimPeer> all = sim.peers();
        SimPeer from = pick(all);
        SimPeer to = pick(all);
        if (from == to) {
            return;
        }
        sim.stats().fault("one-way-cut");
        sim.traceLog().add(now, "cut " + from.id() + "->" + to.id());
        cut(from, to, now);
    }

    private void cut(SimPeer from, SimPeer to, long now) {
        if (sim.network().cut(from.id(), to.id(), now)) {
            notice(from, to.id());
        }
    }

    private void notice(SimPeer peer, long lost) {
        if (peer.isUp() && peer.id() != lost && random.nextDouble() < options.noticeRate()) {
            sim.traceLog().add(sim.now(), () -> "disconnected " + peer.id() + " from " + lost);
            peer.peerDisconnected(lost);
        }
    }

    private SimPeer pick(List<SimPeer> from) {
        return from.get(random.nextInt(from.size()));
    }
}
