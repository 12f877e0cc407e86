/**
 * Local, event-driven copies of znodes: {@link io.paddock.recipes.cache.NodeCache} for one node,
 * {@link io.paddock.recipes.cache.TreeCache} for a subtree. Both are fed by a persistent watch
 * (ZooKeeper 3.6+ addWatch), so no change is missed between one-shot watches.
 */
package io.paddock.recipes.cache;
