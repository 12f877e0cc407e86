package io.paddock.server.tree;

/**
 * What a node's ephemeralOwner field encodes, bit for bit as ZooKeeper's EphemeralType:
 * 0 for a plain node, {@link #CONTAINER_OWNER} for a container, {@link #TTL_MASK} ORed with
 * the TTL in milliseconds for a TTL node, the owning session's id for an ephemeral.
 */
public enum EphemeralType {
    VOID,
    NORMAL,
    CONTAINER,
    TTL;

    public static final long CONTAINER_OWNER = Long.MIN_VALUE;
    public static final long TTL_MASK = 0xFF00000000000000L;
    /** The largest TTL: the owner's low 40 bits (the 16 bits above are reserved, zero). */
    public static final long MAX_TTL = 0x000000FFFFFFFFFFL;

    public static EphemeralType of(long ephemeralOwner) {
        if (ephemeralOwner == CONTAINER_OWNER) {
            return CONTAINER;
        }
        if ((ephemeralOwner & TTL_MASK) == TTL_MASK) {
            return TTL;
        }
        return ephemeralOwner == 0 ? VOID : NORMAL;
    }

    public static long ttlOwner(long ttlMillis) {
        if (ttlMillis <= 0 || ttlMillis > MAX_TTL) {
            throw new IllegalArgumentException("ttl " + ttlMillis + " out of range");
        }
        return TTL_MASK | ttlMillis;
    }

    /** The TTL in milliseconds of a TTL node's owner field. */
    public static long ttlOf(long ephemeralOwner) {
        return ephemeralOwner & MAX_TTL;
    }
}
