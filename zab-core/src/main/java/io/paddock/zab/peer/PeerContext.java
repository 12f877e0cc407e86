package io.paddock.zab.peer;

import io.paddock.zab.EpochState;
import io.paddock.zab.Invariants;
import io.paddock.zab.LogView;
import io.paddock.zab.Mutation;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Vote;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * What every phase state of one peer shares: its configuration, seeded randomness, epochs, history,
 * outbox and logical time, plus the few facts that outlive a phase (the election round and vote,
 * and to whom this peer promised its accepted epoch).
 *
 * <p>Not thread-safe: owned by one {@link io.paddock.zab.ZabPeer}.
 */
public final class PeerContext {
    private final PeerConfig config;
    private final RandomGenerator random;
    private final Outbox outbox;
    private final History history;
    private final Set<Long> members;
    private final List<Long> otherVoters;
    private StateFactory states;
    private long acceptedEpoch;
    private long currentEpoch;
    private EpochState written;
    private long now;
    private long round;
    private Vote vote;
    private long promisedEpoch = -1;
    private long promisedTo;
    private String lastReason = "started";
    /** Peers whose connection the transport reported lost and who have not been heard since. */
    private final Set<Long> unreachable = new TreeSet<>();
    /** CEPOCHs that reached this peer while it was still LOOKING, latest per sender. */
    private final Map<Long, CEpoch> earlyHellos = new TreeMap<>();

    public PeerContext(PeerConfig config, EpochState epochs, LogView log, long lastApplied,
            RandomGenerator random) {
        Invariants.check(!config.observers().stream().anyMatch(config.quorum().votingMembers()::contains),
                "observers do not vote");
        this.config = config;
        this.random = random;
        this.outbox = new Outbox();
        this.history = new History(log, lastApplied, outbox);
        this.acceptedEpoch = epochs.acceptedEpoch();
        this.currentEpoch = epochs.currentEpoch();
        this.written = epochs;
        Set<Long> all = new TreeSet<>(config.quorum().votingMembers());
        all.addAll(config.observers());
        this.members = Set.copyOf(all);
        Set<Long> voters = new TreeSet<>(config.quorum().votingMembers());
        voters.remove(config.myId());
        // A list in id order: Set.copyOf iterates in an order salted per JVM, and a seeded run
        // must send the same messages in the same order every time.
        this.otherVoters = List.copyOf(voters);
        this.vote = new Vote(0, -1, -1);
    }

    public void states(StateFactory factory) {
        this.states = factory;
    }

    /** A LOOKING state, remembering why the peer went back to election. */
    public PeerState looking(String reason) {
        lastReason = reason;
        return states.looking(reason);
    }

    public String lastReason() {
        return lastReason;
    }

    public PeerConfig config() {
        return config;
    }

    public long myId() {
        return config.myId();
    }

    public boolean isObserver() {
        return config.isObserver();
    }

    public boolean mutated(Mutation mutation) {
        return config.mutations().contains(mutation);
    }

    public RandomGenerator random() {
        return random;
    }

    public Outbox outbox() {
        return outbox;
    }

    public History history() {
        return history;
    }

    public long now() {
        return now;
    }

    public void tick() {
        now++;
    }

    public void send(PeerMessage message) {
        outbox.send(message);
    }

    /** The transport lost its connection to {@code id}. */
    public void disconnected(long id) {
        unreachable.add(id);
    }

    /** A message came from {@code id}: it is reachable again. */
    public void heardFrom(long id) {
        unreachable.remove(id);
    }

    /** Whether the connection to {@code id} was lost and nothing has come from it since. */
    public boolean unreachable(long id) {
        return unreachable.contains(id);
    }

    /**
     * A learner that decided for this peer before this peer decided for itself: its CEPOCH waits
     * here for the leader's discovery instead of for the learner's next resend.
     */
    public void holdEarlyHello(CEpoch hello) {
        earlyHellos.put(hello.from(), hello);
    }

    /** The CEPOCHs held while LOOKING, in sender order; the holder is emptied. */
    public List<CEpoch> takeEarlyHellos() {
        List<CEpoch> hellos = List.copyOf(earlyHellos.values());
        earlyHellos.clear();
        return hellos;
    }

    public boolean isMember(long id) {
        return members.contains(id);
    }

    public boolean isVoter(long id) {
        return config.quorum().votingMembers().contains(id);
    }

    /** The voting members other than this peer, in id order. */
    public List<Long> otherVoters() {
        return otherVoters;
    }

    /** Whether these ids (and this peer, if {@code includingMe}) contain a quorum of voters. */
    public boolean isQuorum(Collection<Long> ids, boolean includingMe) {
        Set<Long> set = new HashSet<>(ids);
        if (includingMe) {
            set.add(myId());
        }
        return config.quorum().containsQuorum(set);
    }

    public long acceptedEpoch() {
        return acceptedEpoch;
    }

    public long currentEpoch() {
        return currentEpoch;
    }

    /** The epochs as last asked to be written. */
    public EpochState writtenEpochs() {
        return written;
    }

    /**
     * Promises {@code epoch} to {@code leader}: acceptedEpoch becomes durable (in the Ready, before
     * any message of it) and no other leader will get this epoch from this peer.
     */
    public void acceptEpoch(long epoch, long leader) {
        Invariants.check(epoch > acceptedEpoch, "acceptedEpoch only grows");
        acceptedEpoch = epoch;
        promisedEpoch = epoch;
        promisedTo = leader;
        writeEpochs();
    }

    /** Whether this peer, in this life, promised {@code epoch} to {@code leader}. */
    public boolean promised(long epoch, long leader) {
        return promisedEpoch == epoch && promisedTo == leader && acceptedEpoch == epoch;
    }

    /** Adopts {@code epoch}'s history: only once that history is durable here (ZOOKEEPER-4643). */
    public void adoptEpoch(long epoch) {
        Invariants.check(epoch >= currentEpoch && epoch <= acceptedEpoch,
                "currentEpoch " + epoch + " within [" + currentEpoch + ", " + acceptedEpoch + "]");
        if (epoch > currentEpoch) {
            currentEpoch = epoch;
            writeEpochs();
        }
    }

    private void writeEpochs() {
        long durableAccepted = mutated(io.paddock.zab.Mutation.FORGET_ACCEPTED_EPOCH)
                ? Math.max(written.acceptedEpoch(), currentEpoch) : acceptedEpoch;
        written = new EpochState(durableAccepted, currentEpoch);
        outbox.epochs(written);
    }

    public long round() {
        return round;
    }

    public void round(long value) {
        round = value;
    }

    public Vote vote() {
        return vote;
    }

    public void vote(Vote value) {
        vote = value;
    }
}
