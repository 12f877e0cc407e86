/**
 * The broadcast phase of ZAB (Zab paper, section 3.3): a leader proposes txns in zxid order,
 * followers log and acknowledge them, and a txn commits once a quorum has acknowledged it and
 * everything proposed before it; observers learn committed txns by INFORM. Also the epoch
 * rollover that moves a serving leader to a new epoch without an election. Pure.
 */
package io.paddock.zab.broadcast;
