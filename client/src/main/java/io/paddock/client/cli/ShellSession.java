package io.paddock.client.cli;

import io.paddock.client.ConnectionState;
import io.paddock.client.PaddockClient;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a shell remembers between commands: the connection (at most one client), where output
 * goes, whether watch events are printed, the numbered command history and whether the user
 * asked to quit.
 *
 * <p>Commands run on one thread. Watch events arrive on the client's event thread and only read
 * {@code printWatches} (volatile) and print whole lines, which PrintStream serialises.
 */
final class ShellSession implements AutoCloseable {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final Duration timeout;
    private final List<String> history = new ArrayList<>();
    private final Watcher watcher = this::printEvent;
    private PaddockClient client;
    private boolean ownsClient;
    private String server;
    private volatile boolean printWatches = true;
    private final java.util.concurrent.atomic.AtomicLong eventsDelivered =
            new java.util.concurrent.atomic.AtomicLong();
    private boolean quit;

    ShellSession(PrintStream out, PrintStream err, boolean json, Duration timeout) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.timeout = timeout;
    }

    /** Uses a client someone else opened and will close. */
    void attach(PaddockClient existing, String connectString) {
        closeClient();
        client = existing;
        server = connectString;
        ownsClient = false;
    }

    /**
     * Opens a session with {@code connectString}, closing the previous one. The client keeps
     * trying in the background if the wait runs out, as zkCli's does; the caller is told.
     */
    void connect(String connectString) {
        closeClient();
        server = connectString;
        client = PaddockClient.builder().connectString(connectString)
                .sessionTimeout(timeout).connectionTimeout(timeout).build().start();
        ownsClient = true;
        if (!client.blockUntilConnected(timeout)) {
            throw new ShellException(ShellException.NOT_CONNECTED,
                    "Could not connect to " + connectString + " within " + timeout.toMillis()
                    + " ms");
        }
    }

    /** The connected client; "Not connected" (zkCli's words) after close or before connect. */
    PaddockClient client() {
        if (client == null) {
            throw new ShellException(ShellException.NOT_CONNECTED, "Not connected");
        }
        return client;
    }

    /** The client, or null: completion must not fail when there is none. */
    PaddockClient clientOrNull() {
        return client;
    }

    void closeClient() {
        if (client != null && ownsClient) {
            client.close();
        }
        client = null;
    }

    String server() {
        return server;
    }

    Watcher watcher() {
        return watcher;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean json() {
        return json;
    }

    List<String> history() {
        return history;
    }

    boolean printWatches() {
        return printWatches;
    }

    void printWatches(boolean on) {
        printWatches = on;
    }

    boolean quitRequested() {
        return quit;
    }

    void requestQuit() {
        quit = true;
    }

    /** zkCli's prompt: {@code [paddock: host:port(CONNECTED) 3] }. */
    String prompt() {
        String state;
        if (client == null) {
            state = "CLOSED";
        } else {
            ConnectionState s = client.state();
            state = s == null ? "CONNECTING" : s.name();
        }
        return "[paddock: " + server + "(" + state + ") " + history.size() + "] ";
    }

    /** Watch events delivered to this session so far, printed or not. */
    long eventsDelivered() {
        return eventsDelivered.get();
    }

    private void printEvent(WatchedEvent event) {
        eventsDelivered.incrementAndGet();
        if (!printWatches) {
            return;
        }
        String type = event.type() == WatchedEvent.Type.SESSION_EXPIRED ? "None"
                : ErrorWords.camel(event.type().name());
        String state = event.type() == WatchedEvent.Type.SESSION_EXPIRED ? "Expired"
                : "SyncConnected";
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", type);
            m.put("state", state);
            m.put("path", event.path());
            out.println(JsonOut.write(Map.of("watcher", m)));
        } else {
            out.println("\nWATCHER::\n\nWatchedEvent state:" + state + " type:" + type
                    + " path:" + event.path());
        }
    }

    @Override
    public void close() {
        closeClient();
    }
}
