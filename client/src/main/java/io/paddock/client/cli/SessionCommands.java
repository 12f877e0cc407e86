package io.paddock.client.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * The shell's own commands: connect, close, quit (and exit), history and redo. The interpreter
 * runs redo itself, since it runs another command; its entry here gives usage and completion.
 *
 * <p>Thread-safe: stateless; each run works on the invocation it is given.
 */
final class SessionCommands {
    /** zkCli shows the last ten commands and the history command itself. */
    private static final int HISTORY_SHOWN = 11;

    private SessionCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("connect", "host:port[,host:port...][/chroot]", new Options(), 0,
                        SessionCommands::connect),
                new Command("close", "", new Options(), 0, SessionCommands::close),
                new Command("quit", "", new Options(), 0, SessionCommands::quit),
                new Command("exit", "", new Options(), 0, SessionCommands::quit),
                new Command("history", "", new Options(), 0, SessionCommands::history),
                new Command("redo", "cmdno", new Options(), 1, inv -> {
                    throw new IllegalStateException("the interpreter runs redo");
                }));
    }

    private static Reply connect(Invocation inv) {
        String server = inv.argOr(0, inv.session().server());
        if (server == null) {
            throw ShellException.usage("usage: connect host:port");
        }
        inv.session().connect(server);
        return Reply.of("", Map.of("server", server));
    }

    private static Reply close(Invocation inv) {
        inv.session().closeClient();
        return Reply.of("", Map.of("closed", true));
    }

    private static Reply quit(Invocation inv) {
        inv.session().closeClient();
        inv.session().requestQuit();
        return Reply.of("", Map.of("quit", true));
    }

    private static Reply history(Invocation inv) {
        List<String> history = inv.session().history();
        List<String> lines = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = Math.max(0, history.size() - HISTORY_SHOWN); i < history.size(); i++) {
            lines.add(i + " - " + history.get(i));
            json.put(Integer.toString(i), history.get(i));
        }
        return Reply.of(String.join("\n", lines), Map.of("history", json));
    }
}
