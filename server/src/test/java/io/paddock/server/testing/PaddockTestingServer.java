package io.paddock.server.testing;

import io.paddock.server.PaddockServer;
import io.paddock.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A standalone Paddock server in this JVM on an ephemeral 127.0.0.1 port, for tests
 * (Curator's TestingServer). Published in the server's test-jar for other modules' tests.
 */
public final class PaddockTestingServer implements AutoCloseable {
    private final PaddockServer server;

    private PaddockTestingServer(PaddockServer server) {
        this.server = server;
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
        return "127.0.0.1:" + port();
    }

    public int port() {
        return server.address().getPort();
    }

    public PaddockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    /** Options a test may change; each mirrors the zoo.cfg key of the same name. */
    public static final class Builder {
        private final ServerConfig.Builder config = ServerConfig.builder()
                .clientAddress(new InetSocketAddress("127.0.0.1", 0))
                .extendedTypesEnabled(true)
                .fourLetterWhitelist(Set.of("*"))
                .metricsJmxEnabled(false);

        public Builder tickTime(int millis) {
            config.tickTime(millis);
            return this;
        }

        public Builder minSessionTimeout(int millis) {
            config.minSessionTimeout(millis);
            return this;
        }

        public Builder maxSessionTimeout(int millis) {
            config.maxSessionTimeout(millis);
            return this;
        }

        public Builder extendedTypesEnabled(boolean enabled) {
            config.extendedTypesEnabled(enabled);
            return this;
        }

        /** "super:<base64 sha1 digest>" as zookeeper.DigestAuthenticationProvider.superDigest. */
        public Builder superDigest(String digest) {
            config.superDigest(digest);
            return this;
        }

        public Builder maxClientCnxns(int max) {
            config.maxClientCnxns(max);
            return this;
        }

        /** Comma-separated, as 4lw.commands.whitelist; "*" allows all. */
        public Builder fourLetterWhitelist(String commands) {
            config.fourLetterWhitelist(Arrays.stream(commands.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
            return this;
        }

        public Builder containerCheckIntervalMs(long millis) {
            config.containerCheckIntervalMs(millis);
            return this;
        }

        public Builder juteMaxBuffer(int bytes) {
            config.juteMaxBuffer(bytes);
            return this;
        }

        /** How long a connection may sit without completing its handshake. */
        public Builder handshakeTimeoutMs(int millis) {
            config.handshakeTimeoutMs(millis);
            return this;
        }

        public PaddockTestingServer start() {
            try {
                Path dir = Files.createTempDirectory("paddock-test");
                PaddockServer server = new PaddockServer(config.dataDir(dir).build()).start();
                return new PaddockTestingServer(server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            }
        }
    }
}
