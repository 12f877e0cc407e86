package io.paddock.client.cli;

import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * One shell command: its name, zkCli's synopsis, its flags, how many arguments it needs, and
 * what it does.
 *
 * @param name the word typed
 * @param synopsis the flags and arguments, as zkCli's usage shows them
 * @param options its flags, parsed with Commons CLI as zkCli does
 * @param minArgs arguments required after the flags
 * @param handler runs it
 */
record Command(String name, String synopsis, Options options, int minArgs, Handler handler) {

    /** Runs a parsed command; throws PaddockException or ShellException on failure. */
    @FunctionalInterface
    interface Handler {
        Reply run(Invocation inv);
    }

    String usage() {
        return synopsis.isEmpty() ? name : name + " " + synopsis;
    }

    /** The flags as typed ("-s", "-w", ...), for completion. */
    List<String> flagWords() {
        return options.getOptions().stream().map(Option::getOpt).map(o -> "-" + o).toList();
    }

    /** Options with boolean flags named by {@code letters}, for commands with no valued flag. */
    static Options flags(String... letters) {
        Options options = new Options();
        for (int i = 0; i < letters.length; i += 2) {
            options.addOption(letters[i], false, letters[i + 1]);
        }
        return options;
    }
}
