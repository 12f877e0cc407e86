package io.paddock.zab;

/**
 * The two epochs ZAB keeps durable (Zab paper, section 3.3; ZooKeeper's {@code acceptedEpoch} and
 * {@code currentEpoch} files): the last epoch this peer promised to a prospective leader (NEWEPOCH)
 * and the last epoch whose leader's history it adopted (NEWLEADER). Neither ever decreases, and
 * {@code currentEpoch <= acceptedEpoch}.
 */
public record EpochState(long acceptedEpoch, long currentEpoch) {

    /** A peer that has never promised anything. */
    public static final EpochState INITIAL = new EpochState(0, 0);

    public EpochState {
        if (currentEpoch < 0 || acceptedEpoch < currentEpoch) {
            throw new IllegalArgumentException("need 0 <= currentEpoch <= acceptedEpoch, got "
                    + currentEpoch + " and " + acceptedEpoch);
        }
    }
}
