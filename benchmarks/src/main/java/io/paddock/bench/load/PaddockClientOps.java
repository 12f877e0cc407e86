package io.paddock.bench.load;

import io.paddock.client.PaddockClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * Paddock's client through its async API ({@code client.async().getData().forPath(p)}, futures
 * completed on its event thread), one session. Thread-safe as the client is.
 */
final class PaddockClientOps implements ClientOps {
    private final PaddockClient client;

    private PaddockClientOps(PaddockClient client) {
        this.client = client;
    }

    static PaddockClientOps connect(String connectString, int sessionTimeoutMs)
            throws IOException {
        PaddockClient client = PaddockClient.builder().connectString(connectString)
                .sessionTimeout(Duration.ofMillis(sessionTimeoutMs)).build().start();
        if (!client.blockUntilConnected(Duration.ofMillis(sessionTimeoutMs))) {
            client.close();
            throw new IOException("Paddock's client could not connect to " + connectString);
        }
        return new PaddockClientOps(client);
    }

    @Override
    public String label() {
        return "Paddock client";
    }

    @Override
    public void getData(String path, Completion done) {
        client.async().getData().forPath(path).whenComplete((d, t) -> done.done(error(t)));
    }

    @Override
    public void setData(String path, byte[] data, Completion done) {
        client.async().setData().forPath(path, data).whenComplete((s, t) -> done.done(error(t)));
    }

    private static String error(Throwable t) {
        if (t == null) {
            return null;
        }
        Throwable cause = t instanceof CompletionException && t.getCause() != null
                ? t.getCause() : t;
        return cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        client.close();
    }
}
