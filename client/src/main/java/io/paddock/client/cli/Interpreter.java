package io.paddock.client.cli;

import io.paddock.client.exception.PaddockException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

/**
 * Runs command lines against a session: looks the command up, parses its flags, runs it and
 * prints its reply as text or as one JSON document; failures are printed in zkCli's words and
 * turned into exit codes (0 ok, 1 failed, 2 usage, 3 not connected).
 *
 * <p>Not thread-safe: one interpreter per input.
 */
final class Interpreter {
    private final CommandTable table;
    private final ShellSession session;

    Interpreter(CommandTable table, ShellSession session) {
        this.table = table;
        this.session = session;
    }

    CommandTable table() {
        return table;
    }

    /** Runs one typed line, recording it in the numbered history; returns its exit code. */
    int execute(String line) {
        List<String> words;
        try {
            words = LineWords.split(line);
        } catch (ShellException e) {
            return fail("", e.exitCode(), "USAGE", e.getMessage());
        }
        if (words.isEmpty()) {
            return 0;
        }
        session.history().add(line.strip());
        return execute(words);
    }

    /** Runs a command given as words (one-shot mode); returns its exit code. */
    int execute(List<String> words) {
        String name = words.get(0);
        List<String> rest = words.subList(1, words.size());
        if (name.equals("redo")) {
            return redo(rest);
        }
        Command command = table.get(name);
        if (command == null) {
            return fail(name, ShellException.USAGE, "USAGE",
                    "Command not found: " + name + "\n" + table.usage());
        }
        try {
            CommandLine flags = new DefaultParser().parse(command.options(),
                    rest.toArray(String[]::new));
            if (flags.getArgList().size() < command.minArgs()) {
                throw ShellException.usage("usage: " + command.usage());
            }
            Reply reply = command.handler().run(new Invocation(session, flags,
                    List.copyOf(flags.getArgList())));
            print(name, reply);
            return 0;
        } catch (ParseException e) {
            return fail(name, ShellException.USAGE, "USAGE",
                    e.getMessage() + "\nusage: " + command.usage());
        } catch (ShellException e) {
            return fail(name, e.exitCode(), e.exitCode() == ShellException.NOT_CONNECTED
                    ? "NOT_CONNECTED" : "USAGE", e.getMessage());
        } catch (PaddockException e) {
            return fail(name, ShellException.FAILED, e.code().name(), ErrorWords.of(e));
        } catch (IllegalArgumentException e) {
            // The client's path checks: "Path must start with / character" and the like.
            return fail(name, ShellException.USAGE, "USAGE", e.getMessage());
        } catch (RuntimeException e) {
            // Anything else fails this command only; the interactive shell goes on.
            return fail(name, ShellException.FAILED, "ERROR", e.toString());
        }
    }

    /** Prints a failure that happened outside a command (connecting); returns its exit code. */
    int report(String name, ShellException e) {
        return fail(name, e.exitCode(), e.exitCode() == ShellException.NOT_CONNECTED
                ? "NOT_CONNECTED" : "USAGE", e.getMessage());
    }

    /** zkCli's redo: runs history entry N again, recorded in place of the redo itself. */
    private int redo(List<String> args) {
        List<String> history = session.history();
        int current = history.size() - 1;
        int index;
        try {
            index = Integer.decode(args.isEmpty() ? "" : args.get(0));
        } catch (NumberFormatException e) {
            return fail("redo", ShellException.USAGE, "USAGE", "usage: redo cmdno");
        }
        if (index < 0 || index >= current) {
            return fail("redo", ShellException.USAGE, "USAGE", "Command index out of range");
        }
        String again = history.get(index);
        List<String> words = LineWords.split(again);
        if (words.get(0).equals("redo")) {
            return fail("redo", ShellException.USAGE, "USAGE", "No redoing redos");
        }
        if (current >= 0) {
            history.set(current, again);
        }
        return execute(words);
    }

    private void print(String name, Reply reply) {
        if (session.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", name);
            doc.put("ok", true);
            doc.put("result", reply.json());
            session.out().println(JsonOut.write(doc));
        } else if (!reply.text().isEmpty()) {
            session.out().println(reply.text());
        }
    }

    private int fail(String name, int exitCode, String code, String message) {
        if (session.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", name);
            doc.put("ok", false);
            doc.put("code", code);
            doc.put("error", message);
            session.out().println(JsonOut.write(doc));
        } else {
            session.err().println(message);
        }
        return exitCode;
    }
}
