package io.paddock.storage.retention;

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
 * Command-line purge (ZooKeeper's PurgeTxnLog):
 * {@code PurgeTool --data-dir D [--log-dir L] [--count N]} keeps the newest N snapshots (at
 * least 3, default 3) and the log segments they need.
 *
 * <p>Exit status: 0 done, 1 an I/O error, 2 bad arguments.
 */
public final class PurgeTool {
    private PurgeTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool and returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options = new Options()
                .addOption(Option.builder("d").longOpt("data-dir").hasArg().argName("dir")
                        .desc("snapshot directory (zoo.cfg dataDir)").get())
                .addOption(Option.builder("l").longOpt("log-dir").hasArg().argName("dir")
                        .desc("txn log directory (zoo.cfg dataLogDir); default: the data dir")
                        .get())
                .addOption(Option.builder("n").longOpt("count").hasArg().argName("N")
                        .desc("snapshots to keep, at least 3 (default 3)").get());
        try {
            CommandLine cl = new DefaultParser().parse(options, args);
            if (!cl.hasOption("data-dir")) {
                throw new ParseException("--data-dir is required");
            }
            Path dataDir = Path.of(cl.getOptionValue("data-dir"));
            Path logDir = Path.of(cl.getOptionValue("log-dir", dataDir.toString()));
            int count = Integer.parseInt(cl.getOptionValue("count", "3"));
            PurgeResult r = StoragePurger.purge(dataDir, logDir, count);
            r.deletedSnapshots().forEach(p -> out.println("deleted " + p));
            r.deletedSegments().forEach(p -> out.println("deleted " + p));
            out.println("purged " + r.deletedSnapshots().size() + " snapshots and "
                    + r.deletedSegments().size() + " log segments");
            return 0;
        } catch (ParseException | IllegalArgumentException e) {
            err.println("purge: " + e.getMessage());
            new HelpFormatter().printHelp(new PrintWriter(err, true), 100,
                    "PurgeTool --data-dir D [--log-dir L] [--count N]", "", options, 2, 2, "");
            return 2;
        } catch (IOException e) {
            err.println("purge failed: " + e);
            return 1;
        }
    }
}
