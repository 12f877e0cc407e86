package io.paddock.bench.load;

import io.paddock.client.PaddockClient;
import io.paddock.client.exception.PaddockException;
import io.paddock.client.retry.RetryNTimes;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.apache.zookeeper.KeeperException;

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
        // No retries: the official client does not retry either, so a lost connection shows
        // up as errors in both clients' figures instead of as slow requests in one.
        PaddockClient client = PaddockClient.builder().connectString(connectString)
                .sessionTimeout(Duration.ofMillis(sessionTimeoutMs))
                .retryPolicy(new RetryNTimes(0, Duration.ZERO)).build().start();
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
    public void create(String path, byte[] data, Completion done) {
        client.async().create().forPath(path, data).whenComplete((p, t) -> done.done(error(t)));
    }

    @Override
    public void exists(String path, Completion done) {
        client.async().checkExists().forPath(path).whenComplete((stat, t) -> done.done(
                t == null && stat == null ? KeeperException.Code.NONODE.name() : error(t)));
    }

    @Override
    public void getData(String path, Completion done) {
        client.async().getData().forPath(path).whenComplete((d, t) -> done.done(error(t)));
    }

    @Override
    public void setData(String path, byte[] data, Completion done) {
        client.async().setData().forPath(path, data).whenComplete((s, t) -> done.done(error(t)));
    }

    /** The failure under the official client's name for its code, so both tally alike. */
    private static String error(Throwable t) {
        if (t == null) {
            return null;
        }
        Throwable cause = t instanceof CompletionException && t.getCause() != null
                ? t.getCause() : t;
        if (cause instanceof PaddockException e && e.code() != null) {
            KeeperException.Code code = KeeperException.Code.get(e.code().code());
            return code == null ? e.code().name() : code.name();
        }
        return cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        client.close();
    }
}
