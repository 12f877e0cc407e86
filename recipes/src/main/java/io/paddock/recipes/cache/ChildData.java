package io.paddock.recipes.cache;

import io.paddock.protocol.Stat;

/**
 * A cached node: its path, its Stat and its data as last read. The array is shared with the
 * cache; do not modify it.
 */
public record ChildData(String path, Stat stat, byte[] data) {
}
