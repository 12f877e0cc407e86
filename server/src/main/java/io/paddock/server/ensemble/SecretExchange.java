package io.paddock.server.ensemble;

import io.paddock.server.persistence.SessionSecret;
import io.paddock.server.session.SessionPasswords;
import io.paddock.server.session.SessionTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * [ensemble] Keeps a session's password valid on every server: passwords derive from a secret
 * (see {@link SessionPasswords}), so a learner takes its leader's secret, stores it as its own
 * (it may lead one day) and serves clients only once it has. An empty secret stands for
 * ZooKeeper's scheme, which a directory migrated from ZooKeeper keeps.
 *
 * <p>Thread-safe.
 */
final class SecretExchange {
    private final Path dataDir;
    private final SessionTracker sessions;
    private volatile boolean adopted;

    SecretExchange(Path dataDir, SessionTracker sessions) {
        this.dataDir = dataDir;
        this.sessions = sessions;
    }

    /** This server's scheme, as a leader hands it out. */
    byte[] current() {
        try {
            Path scheme = dataDir.resolve(SessionSecret.SCHEME_FILE);
            if (Files.exists(scheme) && Files.readString(scheme, StandardCharsets.UTF_8).trim()
                    .equals(SessionSecret.ZOOKEEPER_SCHEME)) {
                return new byte[0];
            }
            return SessionSecret.loadOrCreate(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the session secret in " + dataDir, e);
        }
    }

    /** Takes the leader's scheme, durably, then every session's password follows it. */
    void adopt(byte[] secret) {
        try {
            if (secret.length == 0) {
                SessionSecret.useZooKeeperScheme(dataDir);
                sessions.usePasswords(SessionPasswords.zooKeeper());
            } else {
                SessionSecret.store(dataDir, secret);
                sessions.usePasswords(SessionPasswords.keyed(secret));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the leader's session secret in "
                    + dataDir, e);
        }
        adopted = true;
    }

    boolean adopted() {
        return adopted;
    }

    /** The leader changed: wait for the next one's secret before serving again. */
    void forget() {
        adopted = false;
    }
}
