package io.paddock.client.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shell's commands by name: zkCli's set, gathered from the command groups.
 *
 * <p>Immutable after {@link #standard()}; thread-safe.
 */
final class CommandTable {
    private final Map<String, Command> commands = new TreeMap<>();

    private CommandTable() {
    }

    static CommandTable standard() {
        CommandTable t = new CommandTable();
        NodeCommands.all().forEach(t::add);
        AclCommands.all().forEach(t::add);
        ServerCommands.all().forEach(t::add);
        WatchCommands.all().forEach(t::add);
        SessionCommands.all().forEach(t::add);
        return t;
    }

    private void add(Command c) {
        if (commands.put(c.name(), c) != null) {
            throw new IllegalStateException("two commands named " + c.name());
        }
    }

    /** The command, or null when there is none by that name. */
    Command get(String name) {
        return commands.get(name);
    }

    Collection<Command> all() {
        return commands.values();
    }

    /** Every command with its synopsis, sorted, as zkCli's usage lists them. */
    String usage() {
        List<String> lines = new ArrayList<>();
        lines.add("paddock-cli -server host:port[,host:port...][/chroot] [-timeout ms] [--json]"
                + " [-history file|none] [cmd args]");
        commands.values().forEach(c -> lines.add("\t" + c.usage()));
        return String.join("\n", lines);
    }
}
