package io.paddock.client.cli;

import io.paddock.client.WatcherType;
import io.paddock.client.api.AddWatchBuilder;
import io.paddock.client.api.RemoveWatchBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * Watches: addWatch, removewatches and printwatches. Every watch the shell sets uses the
 * session's one watcher, which prints events as zkCli's does, so removewatches removes the
 * shell's watches of a type on a path, as zkCli's removeAllWatches does.
 *
 * <p>Thread-safe: stateless; each run works on the invocation it is given.
 */
final class WatchCommands {
    private WatchCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("addWatch", "[-m mode] path # optional mode is one of [PERSISTENT,"
                        + " PERSISTENT_RECURSIVE] - default is PERSISTENT_RECURSIVE",
                        new Options().addOption("m", true, "PERSISTENT or PERSISTENT_RECURSIVE"),
                        1, WatchCommands::addWatch),
                new Command("removewatches", "path [-c|-d|-p|-r|-a] [-l]", Command.flags(
                        "c", "child watches", "d", "data watches", "p", "persistent watches",
                        "r", "persistent recursive watches", "a", "any watches",
                        "l", "remove locally when the server cannot be told"), 1,
                        WatchCommands::removeWatches),
                new Command("printwatches", "on|off", new Options(), 0,
                        WatchCommands::printWatches));
    }

    private static Reply addWatch(Invocation inv) {
        String mode = inv.flags().getOptionValue("m", "PERSISTENT_RECURSIVE")
                .toUpperCase(Locale.ROOT);
        AddWatchBuilder<Void> builder = inv.client().watchers().add();
        switch (mode) {
            case "PERSISTENT" -> builder.persistent();
            case "PERSISTENT_RECURSIVE" -> builder.recursive();
            default -> throw ShellException.usage("-m: mode must be PERSISTENT or"
                    + " PERSISTENT_RECURSIVE, not " + mode);
        }
        builder.forPath(inv.arg(0), inv.session().watcher());
        return Reply.of("", Map.of("path", inv.arg(0), "mode", mode));
    }

    private static Reply removeWatches(Invocation inv) {
        WatcherType type = WatcherType.ANY;
        if (inv.has("c")) {
            type = WatcherType.CHILDREN;
        } else if (inv.has("d")) {
            type = WatcherType.DATA;
        } else if (inv.has("p")) {
            type = WatcherType.PERSISTENT;
        } else if (inv.has("r")) {
            type = WatcherType.PERSISTENT_RECURSIVE;
        }
        RemoveWatchBuilder<Void> builder = inv.client().watchers()
                .remove(inv.session().watcher()).ofType(type);
        if (inv.has("l")) {
            builder.locally();
        }
        builder.forPath(inv.arg(0));
        return Reply.of("", Map.of("path", inv.arg(0), "type", type.name()));
    }

    private static Reply printWatches(Invocation inv) {
        ShellSession session = inv.session();
        if (!inv.args().isEmpty()) {
            String value = inv.arg(0);
            if (!value.equals("on") && !value.equals("off")) {
                throw ShellException.usage("usage: printwatches on|off");
            }
            session.printWatches(value.equals("on"));
            return Reply.of("", Map.of("printwatches", value));
        }
        String now = session.printWatches() ? "on" : "off";
        return Reply.of("printwatches is " + now, Map.of("printwatches", now));
    }
}
