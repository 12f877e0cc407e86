package io.paddock.server.migrate;

import io.paddock.storage.StorageCorruptionException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code paddock-migrate.sh import|verify|export}: moves state between ZooKeeper and Paddock
 * data directories by hand.
 *
 * <ul>
 *   <li>{@code import ZK_DATA_DIR [--log-dir DIR] [--to DIR]}: reads ZooKeeper's data and
 *       writes a Paddock data directory (by default {@code ZK_DATA_DIR/paddock}, where a
 *       server configured with that dataDir looks), then prints the report.
 *   <li>{@code verify A B [--log-dir-a DIR] [--log-dir-b DIR]}: loads two data directories of
 *       any format (prefix one with {@code zookeeper:} or {@code paddock:} to choose) and
 *       prints the first difference.
 *   <li>{@code export PADDOCK_DATA_DIR ZK_DATA_DIR [--log-dir DIR] [--compression none|gz|snappy]}:
 *       writes the Paddock state as a ZooKeeper snapshot and epochs.
 * </ul>
 *
 * <p>Exit status: 0 on success (for verify: identical), 1 on a difference, corruption or I/O
 * failure, 2 on bad arguments. Source directories are only read.
 */
public final class MigrateTool {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    MigrateTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new MigrateTool(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            usage();
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "import" -> importCommand(parse(rest, importOptions(), 1));
                case "verify" -> verifyCommand(parse(rest, verifyOptions(), 2));
                case "export" -> exportCommand(parse(rest, exportOptions(), 2));
                default -> throw new ParseException("unknown command '" + command
                        + "' (import, verify or export)");
            };
        } catch (ParseException | IllegalArgumentException e) {
            err.println("paddock-migrate: " + e.getMessage());
            usage();
            return USAGE;
        } catch (StorageCorruptionException e) {
            err.println("paddock-migrate: refused: " + e.getMessage());
            return FAILED;
        } catch (IOException | UncheckedIOException e) {
            err.println("paddock-migrate: " + e.getMessage());
            return FAILED;
        }
    }

    private int importCommand(CommandLine cl) throws IOException {
        Path zkData = Path.of(cl.getArgs()[0]);
        Path zkLogs = cl.hasOption("log-dir") ? Path.of(cl.getOptionValue("log-dir")) : zkData;
        ZooKeeperDataDir zk = ZooKeeperDataDir.of(zkData, zkLogs);
        if (!zk.exists()) {
            throw new IOException("no ZooKeeper snapshot or txn log in " + zk);
        }
        Path target = cl.hasOption("to") ? Path.of(cl.getOptionValue("to"))
                : zkData.resolve(ZooKeeperStartup.PADDOCK_DIR);
        ZooKeeperImporter.Result r = ZooKeeperImporter.load(zk, progress(cl));
        Path snapshot = PaddockDataWriter.write(r.tree(), r.sessions(), r.report().lines(), target);
        r.report().lines().forEach(out::println);
        out.println("wrote Paddock data directory " + target + " (" + snapshot.getFileName()
                + "); ZooKeeper's files were not changed");
        return OK;
    }

    private int verifyCommand(CommandLine cl) throws IOException {
        DataDirLoader.Loaded a = load(cl.getArgs()[0], cl.getOptionValue("log-dir-a"), cl);
        DataDirLoader.Loaded b = load(cl.getArgs()[1], cl.getOptionValue("log-dir-b"), cl);
        out.println("first:  " + a.source());
        out.println("second: " + b.source());
        Optional<String> difference = TreeComparison.firstDifference(a, b);
        if (difference.isPresent()) {
            out.println("DIFFERENT: " + difference.get());
            return FAILED;
        }
        out.println("identical: " + a.tree().nodeCount() + " znodes, " + a.sessions().size()
                + " sessions, last zxid 0x" + Long.toHexString(a.tree().lastProcessedZxid()));
        return OK;
    }

    private int exportCommand(CommandLine cl) throws IOException {
        Path source = Path.of(cl.getArgs()[0]);
        Path zkData = Path.of(cl.getArgs()[1]);
        String logDir = cl.getOptionValue("log-dir");
        ZkCompression compression = ZkCompression.named(cl.getOptionValue("compression", "none"));
        DataDirLoader.Loaded loaded = DataDirLoader.load(source,
                logDir == null ? null : Path.of(logDir), DataDirLoader.Format.PADDOCK, progress(cl));
        ZooKeeperExporter.Result r = ZooKeeperExporter.export(loaded.tree(), loaded.sessions(),
                zkData, compression);
        out.println("read " + loaded.source());
        out.println("wrote " + r.snapshot() + ": " + r.znodes() + " znodes, " + r.sessions()
                + " sessions, zxid 0x" + Long.toHexString(r.zxid()) + ", epoch "
                + (r.zxid() >>> 32) + " in acceptedEpoch and currentEpoch");
        out.println("start ZooKeeper with dataDir=" + zkData);
        return OK;
    }

    private DataDirLoader.Loaded load(String spec, String logDir, CommandLine cl)
            throws IOException {
        DataDirLoader.Format format = null;
        String dir = spec;
        for (DataDirLoader.Format f : DataDirLoader.Format.values()) {
            String prefix = f.name().toLowerCase(java.util.Locale.ROOT) + ":";
            if (spec.startsWith(prefix)) {
                format = f;
                dir = spec.substring(prefix.length());
            }
        }
        return DataDirLoader.load(Path.of(dir), logDir == null ? null : Path.of(logDir), format,
                progress(cl));
    }

    private Progress progress(CommandLine cl) {
        return cl.hasOption("quiet") ? Progress.NONE : new ProgressBar(err);
    }

    private static CommandLine parse(String[] args, Options options, int positional)
            throws ParseException {
        CommandLine cl = new DefaultParser().parse(options, args);
        if (cl.getArgs().length != positional) {
            throw new ParseException("expected " + positional + " director"
                    + (positional == 1 ? "y" : "ies") + ", got " + cl.getArgs().length);
        }
        return cl;
    }

    private static Options common() {
        return new Options().addOption(Option.builder("q").longOpt("quiet")
                .desc("no progress bar").get());
    }

    private static Options importOptions() {
        return common()
                .addOption(Option.builder().longOpt("log-dir").hasArg().argName("dir")
                        .desc("the dataLogDir, when it is not the dataDir (import: ZooKeeper's,"
                                + " export: Paddock's)").get())
                .addOption(Option.builder().longOpt("to").hasArg().argName("dir")
                        .desc("the Paddock data directory to create (default ZK_DATA_DIR/paddock)")
                        .get());
    }

    private static Options verifyOptions() {
        return common()
                .addOption(Option.builder().longOpt("log-dir-a").hasArg().argName("dir")
                        .desc("the first directory's separate log directory").get())
                .addOption(Option.builder().longOpt("log-dir-b").hasArg().argName("dir")
                        .desc("the second directory's separate log directory").get());
    }

    private static Options exportOptions() {
        return common()
                .addOption(Option.builder().longOpt("log-dir").hasArg().argName("dir")
                        .desc("the dataLogDir, when it is not the dataDir (import: ZooKeeper's,"
                                + " export: Paddock's)").get())
                .addOption(Option.builder().longOpt("compression").hasArg().argName("none|gz|snappy")
                        .desc("how to compress the snapshot (default none)").get());
    }

    private void usage() {
        PrintWriter w = new PrintWriter(err, true);
        HelpFormatter f = new HelpFormatter();
        w.println("usage:");
        w.println("  paddock-migrate.sh import ZK_DATA_DIR [--log-dir DIR] [--to PADDOCK_DIR]");
        w.println("  paddock-migrate.sh verify [zookeeper:|paddock:]DIR_A [zookeeper:|paddock:]DIR_B"
                + " [--log-dir-a DIR] [--log-dir-b DIR]");
        w.println("  paddock-migrate.sh export PADDOCK_DATA_DIR ZK_DATA_DIR [--log-dir DIR]"
                + " [--compression none|gz|snappy]");
        Options all = importOptions();
        verifyOptions().getOptions().forEach(all::addOption);
        exportOptions().getOptions().stream().filter(o -> !all.hasLongOption(o.getLongOpt()))
                .forEach(all::addOption);
        f.printOptions(w, 100, all, 2, 2);
    }
}
