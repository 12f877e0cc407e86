package io.paddock.zab.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Zxids;
import io.paddock.zab.quorum.MajorityQuorum;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CommitTracker} against a slow, obviously correct model, on random proposals and acks
 * (etcd's quorum/quick_test.go). A failing seed is in the test's name and replays exactly.
 */
class CommitTrackerOracleTest {

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 1; seed <= 200; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithTheModel(long seed) {
        Random random = new Random(seed);
        Set<Long> voters = randomVoters(random);
        CommitTracker tracker = new CommitTracker(new MajorityQuorum(voters));
        Model model = new Model(voters);
        long nextZxid = Zxids.make(1, 1);
        for (int step = 0; step < 300; step++) {
            String context = "seed " + seed + " step " + step + " voters " + voters;
            if (model.proposals.isEmpty() || random.nextInt(3) == 0) {
                tracker.propose(nextZxid);
                model.propose(nextZxid);
                nextZxid = nextProposal(random, nextZxid);
            } else {
                long server = 1 + random.nextInt(8);
                long zxid = randomAckZxid(random, model.proposals);
                long before = tracker.committedUpTo();
                long after = tracker.ack(server, zxid);
                model.ack(server, zxid);
                assertTrue(after >= before, "never goes back: " + context);
                assertEquals(after, tracker.committedUpTo(), context);
            }
            assertEquals(model.committedUpTo(), tracker.committedUpTo(), context);
            assertEquals(model.uncommittedCount(), tracker.uncommittedCount(), context);
        }
        long tooFar = tracker.lastProposed() + 1;
        assertThrows(IllegalArgumentException.class, () -> tracker.ack(1, tooFar));
    }

    private static Set<Long> randomVoters(Random random) {
        Set<Long> voters = new HashSet<>();
        int size = 1 + random.nextInt(5);
        while (voters.size() < size) {
            voters.add(1L + random.nextInt(7));
        }
        return voters;
    }

    /** Mostly the next counter; sometimes a gap, sometimes a new epoch. */
    private static long nextProposal(Random random, long zxid) {
        return switch (random.nextInt(10)) {
            case 0 -> Zxids.make(Zxids.epoch(zxid) + 1, 1);
            case 1 -> zxid + 2 + random.nextInt(5);
            default -> zxid + 1;
        };
    }

    /** Any proposed zxid, or one just below a proposal (in a gap or before everything). */
    private static long randomAckZxid(Random random, List<Long> proposals) {
        long proposal = proposals.get(random.nextInt(proposals.size()));
        return random.nextInt(5) == 0 ? proposal - 1 : proposal;
    }

    /** Keeps every proposal's set of ackers and recounts majorities from scratch on every query. */
    private static final class Model {
        final Set<Long> voters;
        final List<Long> proposals = new ArrayList<>();
        final List<Set<Long>> ackers = new ArrayList<>();

        Model(Set<Long> voters) {
            this.voters = voters;
        }

        void propose(long zxid) {
            proposals.add(zxid);
            ackers.add(new HashSet<>());
        }

        void ack(long server, long zxid) {
            for (int i = 0; i < proposals.size(); i++) {
                if (proposals.get(i) <= zxid) {
                    ackers.get(i).add(server);
                }
            }
        }

        long committedUpTo() {
            long committed = 0;
            for (int i = 0; i < proposals.size() && isMajority(ackers.get(i)); i++) {
                committed = proposals.get(i);
            }
            return committed;
        }

        int uncommittedCount() {
            int committed = 0;
            while (committed < proposals.size() && isMajority(ackers.get(committed))) {
                committed++;
            }
            return proposals.size() - committed;
        }

        private boolean isMajority(Set<Long> servers) {
            int count = 0;
            for (long server : servers) {
                if (voters.contains(server)) {
                    count++;
                }
            }
            return 2 * count > voters.size();
        }
    }
}
