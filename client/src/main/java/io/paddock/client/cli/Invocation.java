package io.paddock.client.cli;

import io.paddock.client.PaddockClient;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/**
 * One run of a command: its parsed flags, its arguments (after the command name) and the
 * session it runs in.
 *
 * <p>Not thread-safe; used by the interpreter's thread only.
 */
record Invocation(ShellSession session, CommandLine flags, List<String> args) {

    PaddockClient client() {
        return session.client();
    }

    String arg(int i) {
        return args.get(i);
    }

    String argOr(int i, String fallback) {
        return args.size() > i ? args.get(i) : fallback;
    }

    boolean has(String flag) {
        return flags.hasOption(flag);
    }

    /** An int flag's value, or {@code fallback} when absent; names the flag when malformed. */
    int intFlag(String flag, int fallback) {
        return (int) longFlag(flag, fallback);
    }

    long longFlag(String flag, long fallback) {
        String value = flags.getOptionValue(flag);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ShellException.usage("-" + flag + " argument must be a number, not '" + value
                    + "'");
        }
    }
}
