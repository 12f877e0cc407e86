/**
 * Synchronisation (Zab paper, section 3.2, phase 2): the leader brings each learner to its history
 * with a DIFF, a TRUNC or a SNAP followed by the txns it lacks and NEWLEADER; a learner adopts the
 * epoch and answers ACKLD only once all of it is durable; a quorum of ACKLD commits the leader's
 * initial history. Pure.
 */
package io.paddock.zab.sync;
