/** A distributed FIFO queue: {@link io.paddock.recipes.queue.DistributedQueue}. */
package io.paddock.recipes.queue;
