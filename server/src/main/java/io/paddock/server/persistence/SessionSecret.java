package io.paddock.server.persistence;

import io.paddock.storage.DirectorySync;
import java.io.IOException;
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
 * <p>Thread-safe: stateless; called once at start-up.
 */
public final class SessionSecret {
    static final String FILE = "session.secret";
    private static final int LENGTH = 32;

    private SessionSecret() {
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
        Path temp = dataDir.resolve(FILE + ".tmp");
        Files.write(temp, secret);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        DirectorySync.fsync(dataDir);
        return secret;
    }
}
