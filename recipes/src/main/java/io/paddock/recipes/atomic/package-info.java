/** A distributed counter: {@link io.paddock.recipes.atomic.DistributedAtomicLong}. */
package io.paddock.recipes.atomic;
