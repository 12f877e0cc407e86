package io.paddock.server.config;

import io.paddock.zab.PeerConfig;
import io.paddock.zab.quorum.MajorityQuorum;
import io.paddock.zab.quorum.QuorumVerifier;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The ensemble a server belongs to, read from zoo.cfg's {@code server.N} lines, its myid file,
 * {@code initLimit}, {@code syncLimit} and the quorum transport keys. Present in
 * {@link ServerConfig#ensemble()} only when the server runs in an ensemble (ZooKeeper's
 * "distributed" mode); a standalone server has none.
 *
 * <p><b>Timing.</b> The runtime ticks the ZAB core {@value #CORE_TICKS_PER_TICK} times per
 * tickTime ({@link #coreTickPeriod(int)}), so the core reacts within a tenth of a tick while
 * the operator's limits keep ZooKeeper's meaning: {@link #toPeerConfig()} turns
 * {@code initLimit} and {@code syncLimit} (in ticks) into core ticks, sends heartbeats every
 * half tick (ZooKeeper's leader pings every tickTime / 2), waits one core tick for a better vote
 * once a quorum agrees (ZooKeeper's fixed 200 ms finalizeWait, which is one core tick at the
 * usual tickTime of 2000), and re-sends its vote after two core ticks without progress
 * (ZooKeeper's first notification timeout is 200 ms, then doubles; the core adds a seeded
 * jitter of up to as much again instead).
 *
 * <p>Immutable and thread-safe.
 *
 * @param myId this server's id, from its myid file
 * @param members every {@code server.N} line, ordered by id
 * @param initLimit ticks a follower may take to connect to the leader and sync
 * @param syncLimit ticks a follower may lag behind the leader
 * @param quorumListenOnAllIPs bind the quorum and election ports on every address, not only the
 *     one in this server's line
 * @param electionPortBindRetry how many times binding the election port is tried; 0 means forever
 * @param cnxTimeoutMs how long opening an election connection may take, in milliseconds
 * @param readOnlyMode {@code readonlymode.enabled}: without a quorum, serve reads to clients that
 *     asked for a read-only session (ZooKeeper's read-only mode)
 * @param syncMaxDiffTxns {@code paddock.sync.maxDiffTxns}: the most txns the leader sends a
 *     learner as a DIFF; one further behind gets a snapshot
 */
public record EnsembleConfig(long myId, List<EnsembleMember> members, int initLimit,
        int syncLimit, boolean quorumListenOnAllIPs, int electionPortBindRetry, int cnxTimeoutMs,
        boolean readOnlyMode, int syncMaxDiffTxns) {

    /** How many times per tickTime the runtime ticks the ZAB core. */
    public static final int CORE_TICKS_PER_TICK = 10;
    /** Core ticks between the leader's heartbeats: half a tickTime, as ZooKeeper's leader. */
    public static final int PING_INTERVAL_TICKS = CORE_TICKS_PER_TICK / 2;
    /** Core ticks a LOOKING peer waits without progress before it sends its vote again. */
    public static final int ELECTION_TIMEOUT_TICKS = 2;
    /** Core ticks a peer waits for a better vote once a quorum agrees. */
    public static final int FINALIZE_WAIT_TICKS = 1;
    /** ZooKeeper's default for {@code electionPortBindRetry}. */
    public static final int DEFAULT_ELECTION_PORT_BIND_RETRY = 3;
    /** ZooKeeper's default for {@code cnxTimeout}, in milliseconds. */
    public static final int DEFAULT_CNX_TIMEOUT_MS = 5000;
    /** The core's default: a learner up to 100,000 txns behind gets a DIFF. */
    public static final int DEFAULT_SYNC_MAX_DIFF_TXNS = 100_000;
    /** The largest initLimit or syncLimit whose core ticks fit an int. */
    public static final int MAX_LIMIT = Integer.MAX_VALUE / CORE_TICKS_PER_TICK;

    /**
     * @throws ConfigException naming the key, if two lines share an id, myId has no line, no
     *     member is a participant, or a limit is out of range
     */
    public EnsembleConfig {
        members = members.stream().sorted(Comparator.comparingLong(EnsembleMember::id)).toList();
        Set<Long> ids = new HashSet<>();
        for (EnsembleMember m : members) {
            if (!ids.add(m.id())) {
                throw new ConfigException("server." + m.id() + " is given twice");
            }
        }
        if (!ids.contains(myId)) {
            throw new ConfigException("myid " + myId + " is not among the server.N lines "
                    + new TreeSet<>(ids));
        }
        if (members.stream().noneMatch(EnsembleMember::isParticipant)) {
            throw new ConfigException("server.N: an ensemble needs at least one participant;"
                    + " observers alone cannot vote");
        }
        checkLimit("initLimit", initLimit);
        checkLimit("syncLimit", syncLimit);
        if (electionPortBindRetry < 0) {
            throw new ConfigException("electionPortBindRetry must not be negative, was "
                    + electionPortBindRetry);
        }
        if (syncMaxDiffTxns < 0) {
            throw new ConfigException("paddock.sync.maxDiffTxns must not be negative, was "
                    + syncMaxDiffTxns);
        }
        if (cnxTimeoutMs <= 0) {
            throw new ConfigException("cnxTimeout must be positive, was " + cnxTimeoutMs);
        }
    }

    /** Without read-only mode ({@code readonlymode.enabled=false}, ZooKeeper's default). */
    public EnsembleConfig(long myId, List<EnsembleMember> members, int initLimit, int syncLimit,
            boolean quorumListenOnAllIPs, int electionPortBindRetry, int cnxTimeoutMs) {
        this(myId, members, initLimit, syncLimit, quorumListenOnAllIPs, electionPortBindRetry,
                cnxTimeoutMs, false, DEFAULT_SYNC_MAX_DIFF_TXNS);
    }

    /** The same ensemble with read-only mode on or off. */
    public EnsembleConfig withReadOnlyMode(boolean enabled) {
        return new EnsembleConfig(myId, members, initLimit, syncLimit, quorumListenOnAllIPs,
                electionPortBindRetry, cnxTimeoutMs, enabled, syncMaxDiffTxns);
    }

    /** The same ensemble with another bound on DIFF syncs (0: every sync is a snapshot). */
    public EnsembleConfig withSyncMaxDiffTxns(int txns) {
        return new EnsembleConfig(myId, members, initLimit, syncLimit, quorumListenOnAllIPs,
                electionPortBindRetry, cnxTimeoutMs, readOnlyMode, txns);
    }

    private static void checkLimit(String key, int value) {
        if (value <= 0 || value > MAX_LIMIT) {
            throw new ConfigException(key + " must be between 1 and " + MAX_LIMIT + ", was " + value);
        }
    }

    /** This server's own line. */
    public EnsembleMember self() {
        return member(myId).orElseThrow();
    }

    public Optional<EnsembleMember> member(long id) {
        return members.stream().filter(m -> m.id() == id).findFirst();
    }

    /** Whether this server is an observer. */
    public boolean isObserver() {
        return self().isObserver();
    }

    /** The ids of the voting members. */
    public Set<Long> participantIds() {
        return ids(EnsembleMember::isParticipant);
    }

    public Set<Long> observerIds() {
        return ids(EnsembleMember::isObserver);
    }

    private Set<Long> ids(Predicate<EnsembleMember> which) {
        return members.stream().filter(which).map(EnsembleMember::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A majority of the participants, as ZooKeeper's QuorumMaj. */
    public QuorumVerifier quorumVerifier() {
        return new MajorityQuorum(participantIds());
    }

    /**
     * The ZAB core's configuration for this server, its limits in core ticks (see the class
     * comment for how each is chosen).
     */
    public PeerConfig toPeerConfig() {
        QuorumVerifier quorum = quorumVerifier();
        PeerConfig defaults = PeerConfig.defaults(myId, quorum, observerIds());
        return new PeerConfig(myId, quorum, observerIds(), ELECTION_TIMEOUT_TICKS,
                FINALIZE_WAIT_TICKS, initLimit * CORE_TICKS_PER_TICK,
                syncLimit * CORE_TICKS_PER_TICK, PING_INTERVAL_TICKS, defaults.maxCounter(),
                syncMaxDiffTxns, Set.of());
    }

    /** How often the runtime ticks the core: tickTime / {@value #CORE_TICKS_PER_TICK}. */
    public static Duration coreTickPeriod(int tickTime) {
        return Duration.ofNanos(tickTime * 1_000_000L / CORE_TICKS_PER_TICK);
    }

    /** One line for logs: who is in the ensemble and which one this server is. */
    public String describe() {
        return "ensemble of " + members.size() + ": participants " + participantIds()
                + ", observers " + observerIds() + "; this server is " + myId + " ("
                + self().type().configWord() + ")";
    }
}
