package io.paddock.zab.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MajorityQuorumTest {

    @Test
    void aStandaloneServerIsItsOwnQuorum() {
        MajorityQuorum quorum = new MajorityQuorum(Set.of(1L));

        assertTrue(quorum.containsQuorum(Set.of(1L)));
        assertFalse(quorum.containsQuorum(Set.of()));
        assertFalse(quorum.containsQuorum(Set.of(2L)));
    }

    @Test
    void threeVotersNeedTwo() {
        MajorityQuorum quorum = new MajorityQuorum(Set.of(1L, 2L, 3L));

        assertFalse(quorum.containsQuorum(Set.of(1L)));
        assertTrue(quorum.containsQuorum(Set.of(1L, 3L)));
        assertTrue(quorum.containsQuorum(Set.of(1L, 2L, 3L)));
    }

    @Test
    void fourVotersNeedThreeBecauseHalfIsNotEnough() {
        MajorityQuorum quorum = new MajorityQuorum(Set.of(1L, 2L, 3L, 4L));

        assertFalse(quorum.containsQuorum(Set.of(1L, 2L)));
        assertTrue(quorum.containsQuorum(Set.of(1L, 2L, 4L)));
    }

    @Test
    void idsThatDoNotVoteDoNotCount() {
        MajorityQuorum quorum = new MajorityQuorum(Set.of(1L, 2L, 3L));

        assertFalse(quorum.containsQuorum(Set.of(1L, 4L, 5L, 6L)));
    }

    @Test
    void agreesWithCountingOnEverySubsetOfFiveServersAndTwoObservers() {
        Set<Long> voters = Set.of(1L, 2L, 3L, 4L, 5L);
        MajorityQuorum quorum = new MajorityQuorum(voters);
        for (int mask = 0; mask < 1 << 7; mask++) {
            Set<Long> ids = new HashSet<>();
            int voting = 0;
            for (int bit = 0; bit < 7; bit++) {
                if ((mask & 1 << bit) != 0) {
                    ids.add(bit + 1L);
                    voting += bit < 5 ? 1 : 0;
                }
            }
            assertEquals(voting >= 3, quorum.containsQuorum(ids), ids.toString());
        }
    }

    @Test
    void anyTwoQuorumsIntersect() {
        MajorityQuorum quorum = new MajorityQuorum(Set.of(1L, 2L, 3L, 4L));
        for (int a = 0; a < 16; a++) {
            for (int b = 0; b < 16; b++) {
                Set<Long> first = subset(a);
                Set<Long> second = subset(b);
                if (quorum.containsQuorum(first) && quorum.containsQuorum(second)) {
                    Set<Long> common = new HashSet<>(first);
                    common.retainAll(second);
                    assertFalse(common.isEmpty(), first + " and " + second);
                }
            }
        }
    }

    @Test
    void keepsAnImmutableCopyOfItsVoters() {
        Set<Long> voters = new HashSet<>(Set.of(1L, 2L, 3L));
        MajorityQuorum quorum = new MajorityQuorum(voters);
        voters.add(4L);

        assertEquals(Set.of(1L, 2L, 3L), quorum.votingMembers());
        assertThrows(UnsupportedOperationException.class, () -> quorum.votingMembers().add(9L));
        assertEquals(new MajorityQuorum(Set.of(3L, 2L, 1L)), quorum);
    }

    @Test
    void rejectsAnEnsembleWithoutVoters() {
        assertThrows(IllegalArgumentException.class, () -> new MajorityQuorum(Set.of()));
    }

    private static Set<Long> subset(int mask) {
        Set<Long> ids = new HashSet<>();
        for (int bit = 0; bit < 4; bit++) {
            if ((mask & 1 << bit) != 0) {
                ids.add(bit + 1L);
            }
        }
        return ids;
    }
}
