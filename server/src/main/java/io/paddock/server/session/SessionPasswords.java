package io.paddock.server.session;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Random;

/**
 * How a session's password follows from its id. Passwords are never stored: the server derives
 * the password again when a client resumes, so the scheme must be the one the session was
 * created under.
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface SessionPasswords {
    int LENGTH = 16;

    byte[] passwordFor(long sessionId);

    /**
     * Paddock's own scheme: SHA-256 of a per-data-directory secret and the id, so a guessed id
     * alone cannot resume someone else's session.
     *
     * @param secret at least 16 bytes
     */
    static SessionPasswords keyed(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a session secret has at least 16 bytes");
        }
        byte[] key = secret.clone();
        // The key's part of the digest is computed once; each password clones it (cheaper than
        // looking the algorithm up again). The prototype is never updated after this, so
        // concurrent clones read a state nobody writes.
        MessageDigest keyed = sha256();
        keyed.update(key);
        return id -> {
            MessageDigest sha;
            try {
                sha = (MessageDigest) keyed.clone();
            } catch (CloneNotSupportedException e) {
                sha = sha256();
                sha.update(key);
            }
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(0, id));
            return Arrays.copyOf(sha.digest(), LENGTH);
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * ZooKeeper's scheme (ZooKeeperServer.generatePasswd): 16 bytes from java.util.Random seeded
     * with the id XOR a constant. It is what a data directory imported from ZooKeeper keeps, so
     * that its clients resume their sessions on Paddock and, after an export, on ZooKeeper again.
     * It is only as strong as ZooKeeper's: the id alone gives the password.
     */
    static SessionPasswords zooKeeper() {
        return id -> {
            // Not for randomness: the same id must give the same bytes ZooKeeper gives.
            byte[] p = new byte[LENGTH];
            new Random(id ^ 0xB3415C00L).nextBytes(p);
            return p;
        };
    }
}
