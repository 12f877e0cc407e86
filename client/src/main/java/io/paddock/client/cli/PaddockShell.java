package io.paddock.client.cli;

import io.paddock.protocol.CreateMode;
import io.paddock.client.PaddockClient;
import io.paddock.client.StatHolder;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.exception.NodeExistsException;
import io.paddock.client.exception.PaddockException;
import io.paddock.protocol.ACL;
import io.paddock.protocol.Stat;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * A zkCli-like shell: {@code paddock-shell -server host:port} then commands {@code ls, get, set,
 * create [-e] [-s], delete, stat, exists, getAcl, quit}. The interpreter ({@link #execute}) is
 * separate from the terminal so tests drive it line by line.
 *
 * <p>Not thread-safe: one interpreter per input stream.
 */
public final class PaddockShell {
    private static final String COMMANDS =
            "ls path | get path | set path data [version] | create [-e] [-s] path [data]"
            + " | delete path [version] | stat path | exists path | getAcl path | quit";

    private final PaddockClient client;
    private final PrintStream out;

    public PaddockShell(PaddockClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Options options = new Options()
                .addOption(Option.builder("server").hasArg().argName("host:port[,...][/chroot]")
                        .desc("servers to connect to (default 127.0.0.1:2181)").get())
                .addOption(Option.builder("timeout").hasArg().argName("ms")
                        .desc("session timeout in milliseconds (default 30000)").get());
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            System.err.println(e.getMessage());
            HelpFormatter.builder().get().printHelp("paddock-shell", null, options, null, true);
            System.exit(2);
            return;
        }
        String server = line.getOptionValue("server", "127.0.0.1:2181");
        long timeout = Long.parseLong(line.getOptionValue("timeout", "30000"));
        try (PaddockClient client = PaddockClient.builder().connectString(server)
                .sessionTimeout(Duration.ofMillis(timeout)).build().start()) {
            if (!client.blockUntilConnected(Duration.ofSeconds(30))) {
                System.err.println("could not connect to " + server);
                System.exit(1);
            }
            PaddockShell shell = new PaddockShell(client, System.out);
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.print("[paddock: " + server + "] ");
            for (String cmd = in.readLine(); cmd != null && shell.execute(cmd);
                    cmd = in.readLine()) {
                System.out.print("[paddock: " + server + "] ");
            }
        }
    }

    /** Runs one command line and prints its result; false when the shell should exit. */
    public boolean execute(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            return true;
        }
        String command = words.remove(0);
        try {
            return run(command, words);
        } catch (NoNodeException e) {
            out.println("Node does not exist: " + e.path());
        } catch (NodeExistsException e) {
            out.println("Node already exists: " + e.path());
        } catch (PaddockException e) {
            out.println(e.code() + ": " + e.path());
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ParseException e) {
            out.println("usage: " + COMMANDS + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
        return true;
    }

    private boolean run(String command, List<String> args) throws ParseException {
        switch (command) {
            case "quit", "exit" -> {
                return false;
            }
            case "ls" -> out.println(client.getChildren().forPath(args.get(0)).stream().sorted().toList());
            case "get" -> {
                byte[] data = client.getData().forPath(args.get(0));
                out.println(data == null ? "null" : new String(data, StandardCharsets.UTF_8));
            }
            case "set" -> {
                int version = args.size() > 2 ? Integer.parseInt(args.get(2)) : -1;
                client.setData().withVersion(version).forPath(args.get(0), utf8(args.get(1)));
            }
            case "create" -> create(args);
            case "delete" -> {
                int version = args.size() > 1 ? Integer.parseInt(args.get(1)) : -1;
                client.delete().withVersion(version).forPath(args.get(0));
            }
            case "stat" -> {
                StatHolder stat = new StatHolder();
                client.getData().storingStatIn(stat).forPath(args.get(0));
                printStat(stat.get());
            }
            case "exists" -> {
                Stat stat = client.checkExists().forPath(args.get(0));
                if (stat == null) {
                    out.println("Node does not exist: " + args.get(0));
                } else {
                    printStat(stat);
                }
            }
            case "getAcl" -> {
                for (ACL acl : client.getAcl().forPath(args.get(0))) {
                    out.println("'" + acl.id().scheme() + ",'" + acl.id().id());
                    out.println(": " + perms(acl.perms()));
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
        return true;
    }

    private void create(List<String> args) throws ParseException {
        Options flags = new Options().addOption("e", false, "ephemeral").addOption("s", false,
                "sequential");
        CommandLine cl = new DefaultParser().parse(flags, args.toArray(String[]::new));
        List<String> rest = cl.getArgList();
        boolean e = cl.hasOption("e");
        boolean s = cl.hasOption("s");
        CreateMode mode = e ? (s ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL)
                : s ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT;
        byte[] data = rest.size() > 1 ? utf8(rest.get(1)) : new byte[0];
        out.println("Created " + client.create().withMode(mode).forPath(rest.get(0), data));
    }

    private void printStat(Stat s) {
        out.println("cZxid = 0x" + Long.toHexString(s.czxid()));
        out.println("ctime = " + new Date(s.ctime()));
        out.println("mZxid = 0x" + Long.toHexString(s.mzxid()));
        out.println("mtime = " + new Date(s.mtime()));
        out.println("pZxid = 0x" + Long.toHexString(s.pzxid()));
        out.println("cversion = " + s.cversion());
        out.println("dataVersion = " + s.version());
        out.println("aclVersion = " + s.aversion());
        out.println("ephemeralOwner = 0x" + Long.toHexString(s.ephemeralOwner()));
        out.println("dataLength = " + s.dataLength());
        out.println("numChildren = " + s.numChildren());
    }

    private static String perms(int p) {
        StringBuilder sb = new StringBuilder();
        sb.append((p & ACL.Perms.CREATE) != 0 ? "c" : "");
        sb.append((p & ACL.Perms.DELETE) != 0 ? "d" : "");
        sb.append((p & ACL.Perms.READ) != 0 ? "r" : "");
        sb.append((p & ACL.Perms.WRITE) != 0 ? "w" : "");
        sb.append((p & ACL.Perms.ADMIN) != 0 ? "a" : "");
        return sb.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
