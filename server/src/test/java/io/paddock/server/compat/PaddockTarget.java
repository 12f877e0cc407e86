package io.paddock.server.compat;

import io.paddock.server.testing.PaddockTestingServer;

/** Paddock through its test kit. Started and closed by one test thread. */
final class PaddockTarget implements ServerUnderTest {
    private final PaddockTestingServer server;
    private final ServerSettings settings;

    private PaddockTarget(PaddockTestingServer server, ServerSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    static ServerUnderTest start(ServerSettings settings) {
        PaddockTestingServer.Builder builder = PaddockTestingServer.builder()
                .tickTime(settings.tickTime())
                .extendedTypesEnabled(settings.extendedTypesEnabled())
                .fourLetterWhitelist(settings.fourLetterWhitelist());
        if (settings.minSessionTimeout() != null) {
            builder.minSessionTimeout(settings.minSessionTimeout());
        }
        if (settings.maxSessionTimeout() != null) {
            builder.maxSessionTimeout(settings.maxSessionTimeout());
        }
        if (settings.superDigest() != null) {
            builder.superDigest(settings.superDigest());
        }
        if (settings.maxClientCnxns() != null) {
            builder.maxClientCnxns(settings.maxClientCnxns());
        }
        if (settings.containerCheckIntervalMs() != null) {
            builder.containerCheckIntervalMs(settings.containerCheckIntervalMs());
        }
        if (settings.juteMaxBuffer() != null) {
            builder.juteMaxBuffer(settings.juteMaxBuffer());
        }
        return new PaddockTarget(builder.start(), settings);
    }

    @Override
    public String connectString() {
        return server.connectString();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public int juteMaxBuffer() {
        // jute.maxbuffer's default, 0xfffff, when the test leaves it alone.
        return settings.juteMaxBuffer() != null ? settings.juteMaxBuffer() : 0xfffff;
    }

    @Override
    public boolean honoursSuperDigest() {
        return true;
    }

    @Override
    public void close() {
        server.close();
    }
}
