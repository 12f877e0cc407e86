package io.paddock.bench.load;

import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The benchmark mains' command lines, parsed with Commons CLI: every option is
 * {@code --name value}, and a bad one is an IllegalArgumentException with the reason, which
 * each main prints beside its usage. The options every main shares (heap, tickTime, report
 * directory) are added here once.
 */
final class BenchCommandLine {
    private final CommandLine line;

    private BenchCommandLine(CommandLine line) {
        this.line = line;
    }

    /** Parses {@code args} against the given long options plus --heap-mb, --tick-time, --out. */
    static BenchCommandLine parse(String[] args, String... longOptions) {
        Options options = new Options();
        for (String name : longOptions) {
            options.addOption(Option.builder().longOpt(name).hasArg().get());
        }
        for (String shared : new String[] {"heap-mb", "tick-time", "out"}) {
            options.addOption(Option.builder().longOpt(shared).hasArg().get());
        }
        try {
            CommandLine line = new DefaultParser().parse(options, args);
            if (!line.getArgList().isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + line.getArgList().get(0));
            }
            return new BenchCommandLine(line);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    String string(String name, String fallback) {
        return line.getOptionValue(name, fallback);
    }

    /** The option as a positive int, or IllegalArgumentException naming it. */
    int positive(String name, int fallback) {
        String v = line.getOptionValue(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--" + name + " expects a positive integer, got '" + v + "'");
    }

    ServerSettings settings(int defaultHeapMb) {
        return new ServerSettings(positive("tick-time", 2000), positive("heap-mb", defaultHeapMb));
    }

    Path outputDir() {
        String out = line.getOptionValue("out");
        return out == null ? ChildClasspaths.fromBuild().defaultReportDir() : Path.of(out);
    }
}
