package io.paddock.client.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * paddock-cli's command line: {@code [-server hosts] [-timeout ms] [--json] [-history file|none]
 * [cmd args...]}. Words from the first non-option on are the one-shot command, flags included.
 *
 * @param server the connect string
 * @param timeout the session timeout, also how long to wait for the first connection
 * @param json print one JSON document per command
 * @param history where the interactive history is kept; null keeps it in memory only
 * @param command the one-shot command; empty for the interactive shell
 * @param help usage was asked for
 */
record ShellArgs(String server, Duration timeout, boolean json, Path history,
        List<String> command, boolean help) {

    static final String DEFAULT_SERVER = "127.0.0.1:2181";

    static Options options() {
        return new Options()
                .addOption(Option.builder("server").hasArg().argName("host:port[,...][/chroot]")
                        .desc("servers to connect to (default " + DEFAULT_SERVER + ")").get())
                .addOption(Option.builder("timeout").hasArg().argName("ms")
                        .desc("session timeout and connection wait (default 30000)").get())
                .addOption(Option.builder("json").longOpt("json")
                        .desc("print one JSON document per command").get())
                .addOption(Option.builder("history").hasArg().argName("file|none")
                        .desc("history file (default ~/.paddock_history)").get())
                .addOption(Option.builder("h").longOpt("help").desc("this usage").get());
    }

    /** Parses {@code args}; {@code defaultHistory} (may be null) is used unless -history. */
    static ShellArgs parse(String[] args, Path defaultHistory) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(options(), args, true);
        } catch (ParseException e) {
            throw ShellException.usage(e.getMessage() + "\n" + usage());
        }
        long timeout;
        try {
            timeout = Long.parseLong(line.getOptionValue("timeout", "30000"));
        } catch (NumberFormatException e) {
            throw ShellException.usage("-timeout must be a number of ms, not '"
                    + line.getOptionValue("timeout") + "'");
        }
        if (timeout <= 0) {
            throw ShellException.usage("-timeout must be positive");
        }
        Path history = defaultHistory;
        if (line.hasOption("history")) {
            String value = line.getOptionValue("history");
            history = value.equals("none") ? null : Path.of(value);
        }
        return new ShellArgs(line.getOptionValue("server", DEFAULT_SERVER),
                Duration.ofMillis(timeout), line.hasOption("json"), history,
                List.copyOf(line.getArgList()), line.hasOption("h"));
    }

    static String usage() {
        StringWriter text = new StringWriter();
        HelpFormatter.builder().setPrintWriter(new PrintWriter(text)).get()
                .printHelp("paddock-cli", null, options(), null, true);
        return text.toString().strip();
    }
}
