package io.paddock.server;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ZooCfgParser;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a server (standalone, or an ensemble member with server.N lines): {@code Main [options] [zoo.cfg]}. With no zoo.cfg the built-in
 * defaults apply (127.0.0.1:2181, data under ./data); options override either.
 *
 * <p>Exit status: 0 after a clean stop (SIGTERM), 2 for a bad command line or config, 1 when
 * the server stopped itself on a fatal error (a failed txn log, a txn that could not be
 * applied), with one line on stderr and in the log saying why.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final int FATAL = 1;
    static final int BAD_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = run(args, System.err, PaddockServer::new);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Parses the arguments, starts the server {@code servers} makes and waits until it stops:
     * by the JVM's shutdown (0) or on its own after a fatal error ({@link #FATAL}).
     */
    static int run(String[] args, PrintStream err, Function<ServerConfig, PaddockServer> servers)
            throws InterruptedException {
        Options options = options();
        ServerConfig config;
        try {
            CommandLine cl = new DefaultParser().parse(options, args);
            if (cl.hasOption("help")) {
                usage(options);
                return 0;
            }
            config = configure(cl);
        } catch (ParseException | ConfigException e) {
            err.println("paddock: " + e.getMessage());
            usage(options);
            return BAD_USAGE;
        }
        PaddockServer server = servers.apply(config).start();
        CompletableFuture<ServerFailure> stopped = new CompletableFuture<>();
        Thread hook = new Thread(() -> {
            server.close();
            stopped.complete(null);
        }, "paddock-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.failure().thenAccept(stopped::complete);
        ServerFailure failure = await(stopped);
        if (failure == null) {
            return 0;
        }
        removeHook(hook);
        String line = "paddock: fatal: " + failure.describe() + "; the server has stopped";
        LOG.error(line);
        err.println(line);
        return FATAL;
    }

    private static ServerFailure await(CompletableFuture<ServerFailure> stopped)
            throws InterruptedException {
        try {
            return stopped.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the server to stop", e.getCause());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook closes the stopped server again, harmlessly.
        }
    }

    /** The config {@link #run} would start with these arguments. */
    static ServerConfig configure(String... args) throws ParseException {
        return configure(new DefaultParser().parse(options(), args));
    }

    static ServerConfig configure(CommandLine cl) {
        String[] rest = cl.getArgs();
        if (rest.length > 1) {
            throw new ConfigException("expected at most one zoo.cfg path, got " + rest.length);
        }
        String file = cl.getOptionValue("config", rest.length == 1 ? rest[0] : null);
        // ZooKeeper's options given as -D system properties count too, under the zoo.cfg.
        ZooCfgParser parser = ZooCfgParser.withSystemProperties();
        ServerConfig base = file == null ? parser.defaults() : parser.parse(Path.of(file));
        ServerConfig.Builder b = base.toBuilder();
        if (cl.hasOption("port")) {
            b.clientPort(intOption(cl, "port"));
        }
        if (cl.hasOption("data-dir")) {
            b.dataDir(Path.of(cl.getOptionValue("data-dir")));
        }
        if (cl.hasOption("tick-time")) {
            b.tickTime(intOption(cl, "tick-time"));
        }
        return b.build();
    }

    private static int intOption(CommandLine cl, String name) {
        String v = cl.getOptionValue(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException("--" + name + " expects an integer, got '" + v + "'");
        }
    }

    private static Options options() {
        return new Options()
                .addOption(Option.builder("c").longOpt("config").hasArg().argName("zoo.cfg")
                        .desc("read a ZooKeeper zoo.cfg (same as the positional argument)").get())
                .addOption(Option.builder("p").longOpt("port").hasArg().argName("port")
                        .desc("client port (default 2181)").get())
                .addOption(Option.builder("d").longOpt("data-dir").hasArg().argName("dir")
                        .desc("data directory (default ./data)").get())
                .addOption(Option.builder().longOpt("tick-time").hasArg().argName("ms")
                        .desc("tickTime in milliseconds (default 2000)").get())
                .addOption(Option.builder("h").longOpt("help").desc("print this help").get());
    }

    private static void usage(Options options) {
        HelpFormatter f = new HelpFormatter();
        PrintWriter out = new PrintWriter(System.out, true);
        f.printHelp(out, 100, "paddock-server [options] [zoo.cfg]",
                "Starts a Paddock server: standalone, or a member of an ensemble when the"
                        + " zoo.cfg has server.N lines.", options, 2, 2, "");
    }
}
