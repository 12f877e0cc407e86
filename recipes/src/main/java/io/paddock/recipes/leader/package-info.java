/**
 * Leader election: {@link io.paddock.recipes.leader.LeaderLatch} (am I leader? wait for it, be
 * told) and {@link io.paddock.recipes.leader.LeaderSelector} (run a task while leading, then
 * pass the turn). Both give leadership up as soon as the connection is SUSPENDED or LOST.
 */
package io.paddock.recipes.leader;
