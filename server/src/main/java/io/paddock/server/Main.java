package io.paddock.server;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ZooCfgParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Starts a standalone server: {@code Main [options] [zoo.cfg]}. With no zoo.cfg the built-in
 * defaults apply (127.0.0.1:2181, data under ./data); options override either.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = options();
        ServerConfig config;
        try {
            CommandLine cl = new DefaultParser().parse(options, args);
            if (cl.hasOption("help")) {
                usage(options);
                return;
            }
            config = configure(cl);
        } catch (ParseException | ConfigException e) {
            System.err.println("paddock: " + e.getMessage());
            usage(options);
            System.exit(2);
            return;
        }
        PaddockServer server = new PaddockServer(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "paddock-shutdown"));
        stopped.await();
    }

    static ServerConfig configure(CommandLine cl) {
        String[] rest = cl.getArgs();
        if (rest.length > 1) {
            throw new ConfigException("expected at most one zoo.cfg path, got " + rest.length);
        }
        String file = cl.getOptionValue("config", rest.length == 1 ? rest[0] : null);
        ServerConfig base = file == null ? ServerConfig.builder().build()
                : new ZooCfgParser().parse(Path.of(file));
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
                "Starts a standalone Paddock server.", options, 2, 2, "");
    }
}
