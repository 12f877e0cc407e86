/** Quorum systems: which sets of servers may decide (elect, commit) for the ensemble. Pure. */
package io.paddock.zab.quorum;
