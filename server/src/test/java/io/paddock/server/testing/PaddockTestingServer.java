package io.paddock.server.testing;

/**
 * A standalone Paddock server in this JVM on an ephemeral 127.0.0.1 port, for tests
 * (Curator's TestingServer). Placeholder API: the wiring lands with the server pipeline.
 */
public final class PaddockTestingServer implements AutoCloseable {
    private PaddockTestingServer() {
    }

    /** Starts a server with defaults (tickTime 2000, extended types on, all 4lw allowed). */
    public static PaddockTestingServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** "127.0.0.1:port", ready for new ZooKeeper(...) or CuratorFrameworkFactory. */
    public String connectString() {
        throw new UnsupportedOperationException("not wired yet");
    }

    public int port() {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public void close() {
    }

    /** Options a test may change; each mirrors the zoo.cfg key of the same name. */
    public static final class Builder {
        public Builder tickTime(int millis) {
            return this;
        }

        public Builder minSessionTimeout(int millis) {
            return this;
        }

        public Builder maxSessionTimeout(int millis) {
            return this;
        }

        public Builder extendedTypesEnabled(boolean enabled) {
            return this;
        }

        /** "super:<base64 sha1 digest>" as zookeeper.DigestAuthenticationProvider.superDigest. */
        public Builder superDigest(String digest) {
            return this;
        }

        public Builder maxClientCnxns(int max) {
            return this;
        }

        /** Comma-separated, as 4lw.commands.whitelist; "*" allows all. */
        public Builder fourLetterWhitelist(String commands) {
            return this;
        }

        public Builder containerCheckIntervalMs(long millis) {
            return this;
        }

        public Builder juteMaxBuffer(int bytes) {
            return this;
        }

        public PaddockTestingServer start() {
            throw new UnsupportedOperationException("not wired yet");
        }
    }
}
