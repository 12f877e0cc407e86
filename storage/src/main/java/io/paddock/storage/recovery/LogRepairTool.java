package io.paddock.storage.recovery;

import io.paddock.storage.StorageCorruptionException;
import io.paddock.storage.StorageFailureException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Checks a txn log directory offline, as the server does at start, and reports it:
 * {@code LogRepairTool --log-dir L [--truncate-at-corruption]}. Without the flag it repairs only
 * torn tails and reports damage in the middle with its file, offset and zxid; with it, the log is
 * truncated at that damage on purpose, dropping every later txn, so the server can start.
 *
 * <p>Exit status: 0 the log is usable, 1 damage in the middle was found and left alone, or an
 * I/O error, 2 bad arguments.
 */
public final class LogRepairTool {
    private LogRepairTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool and returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options = new Options()
                .addOption(Option.builder("l").longOpt("log-dir").hasArg().argName("dir")
                        .desc("txn log directory (zoo.cfg dataLogDir, else dataDir)").get())
                .addOption(Option.builder().longOpt("truncate-at-corruption")
                        .desc("truncate at damage in the middle of the log; later txns are lost")
                        .get());
        try {
            CommandLine cl = new DefaultParser().parse(options, args);
            if (!cl.hasOption("log-dir")) {
                throw new ParseException("--log-dir is required");
            }
            CorruptionPolicy policy = cl.hasOption("truncate-at-corruption")
                    ? CorruptionPolicy.TRUNCATE : CorruptionPolicy.REFUSE;
            RecoveredLog r = LogRecovery.recover(Path.of(cl.getOptionValue("log-dir")), policy);
            out.println((r.repaired() ? "repaired; " : "intact; ") + r.segments().size()
                    + " segments, last zxid 0x" + Long.toHexString(r.lastZxid()));
            return 0;
        } catch (ParseException e) {
            err.println("log-repair: " + e.getMessage());
            new HelpFormatter().printHelp(new PrintWriter(err, true), 100,
                    "LogRepairTool --log-dir L [--truncate-at-corruption]", "", options, 2, 2, "");
            return 2;
        } catch (StorageCorruptionException | StorageFailureException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("log-repair failed: " + e);
            return 1;
        }
    }
}
