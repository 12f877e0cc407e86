package io.paddock.server.persistence;

import io.paddock.server.session.SessionPasswords;
import io.paddock.storage.DirectorySync;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * The key session passwords are derived with, kept in {@code session.secret} in the data
 * directory so that a session restored after a restart keeps its password. Created once with
 * a secure random value; written to a temporary file, fsynced and renamed.
 *
 * <p>A data directory imported from ZooKeeper holds {@code session.scheme} with the word
 * {@code zookeeper} instead: its sessions keep ZooKeeper's passwords
 * ({@link SessionPasswords#zooKeeper()}), so clients resume across the move in both directions.
 *
 * <p>Thread-safe: stateless; called once at start-up.
 */
public final class SessionSecret {
    static final String FILE = "session.secret";
    /** Names the password scheme when it is not the secret-keyed one. */
    public static final String SCHEME_FILE = "session.scheme";
    public static final String ZOOKEEPER_SCHEME = "zookeeper";
    private static final int LENGTH = 32;

    private SessionSecret() {
    }

    /**
     * The password scheme of the data directory's sessions: ZooKeeper's when
     * {@code session.scheme} says so, otherwise keyed with {@link #loadOrCreate}'s secret.
     */
    public static SessionPasswords passwords(Path dataDir) throws IOException {
        Path scheme = dataDir.resolve(SCHEME_FILE);
        if (Files.exists(scheme)) {
            String word = Files.readString(scheme, StandardCharsets.UTF_8).trim();
            if (word.equals(ZOOKEEPER_SCHEME)) {
                return SessionPasswords.zooKeeper();
            }
            throw new IOException(scheme + " names the session password scheme '" + word
                    + "'; the only one known is '" + ZOOKEEPER_SCHEME + "'");
        }
        return SessionPasswords.keyed(loadOrCreate(dataDir));
    }

    /** Writes {@code session.scheme} so the directory's sessions use ZooKeeper's passwords. */
    public static void useZooKeeperScheme(Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve(SCHEME_FILE), ZOOKEEPER_SCHEME + "\n",
                StandardCharsets.UTF_8);
    }

    public static byte[] loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            byte[] secret = Files.readAllBytes(file);
            if (secret.length == LENGTH) {
                return secret;
            }
            throw new IOException(file + " holds " + secret.length + " bytes, not " + LENGTH
                    + "; delete it to start over (open sessions will not resume)");
        }
        byte[] secret = new byte[LENGTH];
        new SecureRandom().nextBytes(secret);
        store(dataDir, secret);
        return secret;
    }

    /**
     * [ensemble] Replaces the directory's secret (a learner adopting its leader's), durably, and
     * goes back to the secret-keyed scheme.
     */
    public static void store(Path dataDir, byte[] secret) throws IOException {
        if (secret.length != LENGTH) {
            throw new IOException("a session secret has " + LENGTH + " bytes, not " + secret.length);
        }
        Path file = dataDir.resolve(FILE);
        Path temp = dataDir.resolve(FILE + ".tmp");
        Files.write(temp, secret);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(dataDir.resolve(SCHEME_FILE));
        DirectorySync.fsync(dataDir);
    }
}
