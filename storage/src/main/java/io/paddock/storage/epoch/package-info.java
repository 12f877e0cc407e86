/**
 * ZAB's durable epochs: {@link io.paddock.storage.epoch.EpochStore} keeps {@code acceptedEpoch}
 * (the newest epoch this server promised to follow) and {@code currentEpoch} (the newest epoch
 * whose history it has taken on), in files named and formatted as ZooKeeper's.
 */
package io.paddock.storage.epoch;
