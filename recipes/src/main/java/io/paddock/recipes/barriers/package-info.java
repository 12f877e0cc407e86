/**
 * Barriers: {@link io.paddock.recipes.barriers.DistributedBarrier} holds processes until it is
 * removed; {@link io.paddock.recipes.barriers.DistributedDoubleBarrier} lets a fixed number of
 * processes start together and finish together.
 */
package io.paddock.recipes.barriers;
