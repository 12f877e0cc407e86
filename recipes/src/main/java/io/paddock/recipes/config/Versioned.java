package io.paddock.recipes.config;

import java.util.Optional;

/**
 * A decoded configuration value and where it stands in the node's history.
 *
 * @param value the decoded data; empty if the node does not exist
 * @param version the node's data version (-1 if absent); it restarts at 0 if the node is
 *     re-created, so use {@code mzxid} to order values
 * @param mzxid the zxid of the write that produced this value (0 if absent); it only grows
 */
public record Versioned<T>(Optional<T> value, int version, long mzxid) {
    static <T> Versioned<T> absent(long mzxid) {
        return new Versioned<>(Optional.empty(), -1, mzxid);
    }
}
