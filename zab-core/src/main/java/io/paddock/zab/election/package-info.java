/**
 * Leader election with ZooKeeper's fast leader election rules: every voter proposes the freshest
 * history it knows (current epoch, then last zxid, then server id), rounds discard stale
 * notifications, a quorum agreeing decides after a short wait for a better vote, and a peer that
 * joins while a leader is established follows it without a new election. Pure.
 */
package io.paddock.zab.election;
