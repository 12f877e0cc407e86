/**
 * The broadcast phase of ZAB (Zab paper, section 3.3): a leader proposes txns in zxid order,
 * followers log and acknowledge them, and a txn commits once a quorum has acknowledged it and
 * everything proposed before it. Pure.
 */
package io.paddock.zab.broadcast;
