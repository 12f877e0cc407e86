package io.paddock.zab;

/**
 * One learner as its leader sees it, for operators (mntr's zk_learners and
 * zk_synced_followers, the learners' lag in JMX).
 *
 * @param id the learner's server id
 * @param observer whether it is an observer (does not vote)
 * @param synced whether it has acknowledged NEWLEADER and receives the broadcast
 * @param lastHeardTick the leader's tick when it last heard from the learner
 * @param lastAckedZxid the highest zxid the learner acknowledged (durable there); 0 for an
 *     observer, which does not acknowledge proposals
 */
public record LearnerStatus(long id, boolean observer, boolean synced, long lastHeardTick,
        long lastAckedZxid) {
}
