package io.paddock.zab.sim;

import io.paddock.zab.Mutation;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Zxids;
import io.paddock.zab.quorum.MajorityQuorum;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Every option of one run, derived from its seed alone ("swarm testing": each seed switches on its
 * own mix of fault kinds at its own rates, so rare combinations get explored too). Time is in
 * simulator units; a peer ticks about every {@link #TICK} units.
 *
 * @param voters how many voting peers (ids 1..voters)
 * @param observers how many observers (ids after the voters)
 * @param tickPeriods each peer's tick period, index = id (skewed peers tick faster or slower)
 * @param faultInterval mean units between faults, or 0 for none
 * @param writeInterval mean units between client writes
 * @param safetySteps steps of the faulty phase
 */
public record SimOptions(long seed, int voters, int observers, long maxCounter, int maxDiffTxns,
        int electionTimeoutTicks, int finalizeWaitTicks, int initLimitTicks, int syncLimitTicks,
        int pingIntervalTicks, long[] tickPeriods, long minDelay, long maxDelay, double dropRate,
        double duplicateRate, double staleRate, long staleDelay, double noticeRate, long diskLatency,
        long slowDiskLatency, boolean partialWrites, long faultInterval, boolean crashes,
        boolean partitions, boolean oneWayCuts, boolean slowDisks, boolean compactions,
        long writeInterval, int safetySteps, Set<Mutation> mutations) {

    /** Units per tick for a peer without skew. */
    public static final long TICK = 10;

    /** The options seed {@code seed} stands for, with {@code safetySteps} faulty steps. */
    public static SimOptions derive(long seed, int safetySteps, Set<Mutation> mutations) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int roll = r.nextInt(100);
        int voters = roll < 50 ? 3 : roll < 85 ? 5 : 7;
        int observers = r.nextInt(4) == 0 ? 0 : r.nextInt(3);
        long maxCounter = r.nextInt(5) == 0 ? 2 + r.nextInt(6) : Zxids.MAX_PART - 1;
        int maxDiffTxns = r.nextInt(4) == 0 ? 1 + r.nextInt(6) : 100_000;
        int election = 3 + r.nextInt(10);
        int finalizeWait = 1 + r.nextInt(3);
        int syncLimit = 8 + r.nextInt(15);
        int initLimit = syncLimit + 5 + r.nextInt(30);
        int ping = 1 + r.nextInt(Math.max(1, syncLimit / 4));
        long[] periods = new long[voters + observers + 1];
        boolean skew = r.nextInt(3) == 0;
        for (int id = 1; id < periods.length; id++) {
            periods[id] = skew ? TICK / 2 + r.nextInt((int) TICK + 1) : TICK;
        }
        long maxDelay = 1 + r.nextInt(r.nextBoolean() ? 5 : 30);
        long minDelay = r.nextInt((int) maxDelay);
        double drop = r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.05;
        double dup = r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.05;
        double stale = r.nextBoolean() ? 0 : r.nextDouble();
        long staleDelay = 5 + r.nextInt(200);
        double notice = r.nextDouble();
        long disk = 1 + r.nextInt(8);
        long slowDisk = 40 + r.nextInt(300);
        boolean partial = r.nextBoolean();
        long faultInterval = r.nextInt(8) == 0 ? 0 : 30 + r.nextInt(600);
        boolean crashes = r.nextInt(5) != 0;
        boolean partitions = r.nextInt(3) != 0;
        boolean oneWay = r.nextInt(3) == 0;
        boolean slowDisks = r.nextInt(3) == 0;
        boolean compactions = r.nextInt(3) == 0;
        long writeInterval = 2 + r.nextInt(40);
        return new SimOptions(seed, voters, observers, maxCounter, maxDiffTxns, election, finalizeWait,
                initLimit, syncLimit, ping, periods, minDelay, maxDelay, drop, dup, stale, staleDelay,
                notice, disk, slowDisk, partial, faultInterval, crashes, partitions, oneWay, slowDisks,
                compactions, writeInterval, safetySteps, Set.copyOf(mutations));
    }

    /**
     * These options with some fault kinds switched off, for triage: {@code drop}, {@code duplicate},
     * {@code stale}, {@code crash}, {@code partition}, {@code one-way}, {@code slow-disk},
     * {@code compaction}, {@code rollover} (no tiny maxCounter), {@code small-diff} (no tiny
     * maxDiffTxns), {@code skew}.
     */
    public SimOptions without(Set<String> kinds) {
        long[] periods = tickPeriods.clone();
        if (kinds.contains("skew")) {
            java.util.Arrays.fill(periods, 1, periods.length, TICK);
        }
        return new SimOptions(seed, voters, observers,
                kinds.contains("rollover") ? Zxids.MAX_PART - 1 : maxCounter,
                kinds.contains("small-diff") ? 100_000 : maxDiffTxns, electionTimeoutTicks, finalizeWaitTicks,
                initLimitTicks, syncLimitTicks, pingIntervalTicks, periods, minDelay, maxDelay,
                kinds.contains("drop") ? 0 : dropRate, kinds.contains("duplicate") ? 0 : duplicateRate,
                kinds.contains("stale") ? 0 : staleRate, staleDelay, noticeRate, diskLatency, slowDiskLatency,
                partialWrites, faultInterval, crashes && !kinds.contains("crash"),
                partitions && !kinds.contains("partition"), oneWayCuts && !kinds.contains("one-way"),
                slowDisks && !kinds.contains("slow-disk"), compactions && !kinds.contains("compaction"),
                writeInterval, safetySteps, mutations);
    }

    /** Every peer id, voters first. */
    public List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= voters + observers; id++) {
            ids.add(id);
        }
        return ids;
    }

    public boolean isObserver(long id) {
        return id > voters;
    }

    /** The core's configuration for peer {@code id}. */
    public PeerConfig peerConfig(long id) {
        Set<Long> voterIds = new LinkedHashSet<>();
        Set<Long> observerIds = new LinkedHashSet<>();
        for (long i : ids()) {
            (isObserver(i) ? observerIds : voterIds).add(i);
        }
        return new PeerConfig(id, new MajorityQuorum(voterIds), observerIds, electionTimeoutTicks,
                finalizeWaitTicks, initLimitTicks, syncLimitTicks, pingIntervalTicks, maxCounter,
                maxDiffTxns, mutations);
    }

    /** Ticks the liveness phase may take before a stuck cluster counts as a failure. */
    public long livenessTicks() {
        return 40L * (electionTimeoutTicks + finalizeWaitTicks) + 6L * initLimitTicks + 4L * syncLimitTicks + 200;
    }

    /** One line for a failure report. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(voters).append(" voters, ").append(observers).append(" observers; ticks election=")
                .append(electionTimeoutTicks).append(" finalize=").append(finalizeWaitTicks)
                .append(" init=").append(initLimitTicks).append(" sync=").append(syncLimitTicks)
                .append(" ping=").append(pingIntervalTicks).append("; maxCounter=").append(maxCounter)
                .append(" maxDiff=").append(maxDiffTxns).append("; tick periods=");
        for (int id = 1; id < tickPeriods.length; id++) {
            s.append(id == 1 ? "" : ",").append(tickPeriods[id]);
        }
        s.append("; delay=").append(minDelay).append("..").append(maxDelay)
                .append(String.format(" drop=%.3f dup=%.3f stale=%.2f notice=%.2f", dropRate, duplicateRate,
                        staleRate, noticeRate))
                .append("; disk=").append(diskLatency).append(" slow=").append(slowDiskLatency)
                .append(partialWrites ? " partial-writes" : "")
                .append("; faults every ~").append(faultInterval).append(crashes ? " crash" : "")
                .append(partitions ? " partition" : "").append(oneWayCuts ? " one-way" : "")
                .append(slowDisks ? " slow-disk" : "").append(compactions ? " compaction" : "")
                .append("; writes every ~").append(writeInterval).append("; mutations=").append(mutations);
        return s.toString();
    }
}
