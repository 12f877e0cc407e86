package io.paddock.client.cli;

import io.paddock.client.PaddockClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.jline.reader.Completer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * paddock-cli, a zkCli replacement:
 * {@code paddock-cli [-server host:port] [-timeout ms] [--json] [-history file|none] [cmd args]}.
 * With a command it runs it and exits 0 on success, 1 when the server refused it, 2 on bad
 * usage and 3 when it could not connect; without one it opens an interactive shell on JLine
 * with history and completion of commands, flags and znode paths.
 *
 * <p>An instance made with {@link #PaddockShell(PaddockClient, String, PrintStream,
 * PrintStream)} runs lines on an existing client, for embedding and tests. Not thread-safe: one
 * instance per input.
 */
public final class PaddockShell {
    private final ShellSession session;
    private final Interpreter interpreter;

    /** A shell on a client the caller opened and will close; output in zkCli's words. */
    public PaddockShell(PaddockClient client, String server, PrintStream out, PrintStream err) {
        this.session = new ShellSession(out, err, false, Duration.ofSeconds(30));
        session.attach(client, server);
        this.interpreter = new Interpreter(CommandTable.standard(), session);
    }

    /** Runs one command line; returns its exit code (0 ok, 1 failed, 2 usage, 3 no session). */
    public int execute(String line) {
        return interpreter.execute(line);
    }

    /** True once quit (or exit) has run. */
    public boolean quitRequested() {
        return session.quitRequested();
    }

    /** Watch events this shell's session has been delivered, printed or not (for tests). */
    long eventsDelivered() {
        return session.eventsDelivered();
    }

    /** The interactive shell's completer, on this shell's session. */
    public Completer completer() {
        return new ShellCompleter(interpreter.table(), session);
    }

    public static void main(String[] args) {
        String home = System.getenv("HOME");
        Path history = home == null ? null : Path.of(home, ".paddock_history");
        int code = run(args, history, null, System.out, System.err);
        System.exit(code);
    }

    /**
     * Runs paddock-cli as its main does, reading an interactive session from {@code in} on a
     * dumb terminal rather than the console; returns the exit code. History goes to a file only
     * with {@code -history}.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, null, in, out, err);
    }

    private static int run(String[] args, Path defaultHistory, InputStream in, PrintStream out,
            PrintStream err) {
        ShellArgs parsed;
        try {
            parsed = ShellArgs.parse(args, defaultHistory);
        } catch (ShellException e) {
            err.println(e.getMessage());
            return e.exitCode();
        }
        if (parsed.help()) {
            out.println(ShellArgs.usage());
            out.println(CommandTable.standard().usage());
            return 0;
        }
        try (ShellSession session = new ShellSession(out, err, parsed.json(), parsed.timeout())) {
            Interpreter interpreter = new Interpreter(CommandTable.standard(), session);
            if (!parsed.command().isEmpty()) {
                return oneShot(parsed, session, interpreter);
            }
            tryConnect(parsed, session, err);
            try (Terminal terminal = terminal(in, out)) {
                return new InteractiveShell(interpreter, session).run(terminal, parsed.history());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int oneShot(ShellArgs parsed, ShellSession session, Interpreter interpreter) {
        try {
            session.connect(parsed.server());
        } catch (ShellException e) {
            return interpreter.report(parsed.command().get(0), e);
        }
        return interpreter.execute(parsed.command());
    }

    /** As zkCli, the interactive shell opens even when the server is not up yet. */
    private static void tryConnect(ShellArgs parsed, ShellSession session, PrintStream err) {
        if (!parsed.json()) {
            session.out().println("Connecting to " + parsed.server());
        }
        try {
            session.connect(parsed.server());
        } catch (ShellException e) {
            err.println(e.getMessage());
        }
    }

    private static Terminal terminal(InputStream in, OutputStream out) throws IOException {
        if (in == null) {
            return TerminalBuilder.builder().system(true).dumb(true).build();
        }
        Terminal terminal = TerminalBuilder.builder().system(false).streams(in, out)
                .type(Terminal.TYPE_DUMB).build();
        // The line reader shows each line after its prompt; the terminal's own echo would
        // print the input a second time.
        terminal.echo(false);
        return terminal;
    }
}
