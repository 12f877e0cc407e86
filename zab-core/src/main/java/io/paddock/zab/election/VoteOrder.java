package io.paddock.zab.election;

import io.paddock.zab.message.Vote;
import java.util.Comparator;

/**
 * How votes compare: {@link Vote#compareTo} (epoch, zxid, id; ZooKeeper's totalOrderPredicate),
 * or, for the deliberately broken {@code IGNORE_EPOCH_IN_VOTES} variant, zxid and id only.
 *
 * <p>Thread-safe: stateless.
 */
final class VoteOrder {
    static final Comparator<Vote> CORRECT = Vote::compareTo;
    static final Comparator<Vote> IGNORING_EPOCH =
            Comparator.comparingLong(Vote::zxid).thenComparingLong(Vote::leader);

    private VoteOrder() {
    }
}
