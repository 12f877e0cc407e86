package io.paddock.recipes.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockClient;
import io.paddock.client.testing.TcpProxy;
import io.paddock.client.testing.TestServer;
import io.paddock.client.retry.RetryNTimes;
import io.paddock.testing.Timing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every recipe contract: one server per test class, chosen by the concrete subclass
 * (Paddock or Apache ZooKeeper), a fresh base path per test, and clients closed after each test.
 * tickTime is 100 ms so a 1-second session expires quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RecipeTestBase {
    protected static final int TICK_MS = 100;
    /** How long a recipe may take, nominally: pass it through Timing wherever it bounds a wait. */
    protected static final Duration WAIT = Duration.ofSeconds(15);
    /** The session timeout of clients that tests cut off to make their session expire. */
    protected static final Duration SHORT_SESSION = Duration.ofMillis(1000);

    private TestServer server;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    protected PaddockClient client;
    protected String base;

    protected abstract TestServer startServer(int tickTime);

    @BeforeAll
    void startTheServer() {
        server = startServer(TICK_MS);
    }

    @AfterAll
    void stopTheServer() {
        server.close();
    }

    @BeforeEach
    void connect(TestInfo info) {
        client = newClient();
        base = "/" + getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName();
        client.create().forPath(base);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        closeables.clear();
    }

    protected TestServer server() {
        return server;
    }

    /** A connected client with a 4-second session; closed after the test. */
    protected PaddockClient newClient() {
        return newClient(server.connectString(), b -> b);
    }

    protected PaddockClient newClient(String connectString, UnaryOperator<PaddockClient.Builder> o) {
        PaddockClient c = o.apply(PaddockClient.builder()
                .connectString(connectString)
                .sessionTimeout(Duration.ofSeconds(4))
                .connectionTimeout(Duration.ofSeconds(3))
                .retryPolicy(new RetryNTimes(3, Duration.ofMillis(100)))).build();
        closeables.add(0, c);
        c.start();
        assertTrue(c.blockUntilConnected(Timing.scaled(WAIT)), "connected");
        return c;
    }

    /** A client behind its own proxy with a short session: {@link Doomed#expire()} kills it. */
    protected Doomed doomedClient() {
        try {
            TcpProxy proxy = new TcpProxy(server.address());
            closeables.add(proxy);
            PaddockClient c = newClient(proxy.connectString(), b -> b
                    .sessionTimeout(SHORT_SESSION)
                    .connectionTimeout(Duration.ofMillis(500)));
            return new Doomed(c, proxy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers something to close after the test (recipes, executors' shutdown hooks). */
    protected <T extends AutoCloseable> T closeLater(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /**
     * A client whose connection a test can cut for good, so the server expires its session.
     *
     * @param client the client; it keeps trying to reconnect and, once cut, never can
     * @param proxy the relay between it and the server
     */
    public record Doomed(PaddockClient client, TcpProxy proxy) {
        /** Cuts the client off; the server expires its session about 1 s later. */
        public void expire() {
            proxy.cut();
        }

        /** Lets the client connect again; after an expiry it gets a new session. */
        public void restore() {
            proxy.restore();
        }
    }
}
