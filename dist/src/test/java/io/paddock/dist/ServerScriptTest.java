package io.paddock.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paddock.dist.Installation.Result;
import io.paddock.server.config.ZooCfgParser;
import io.paddock.testing.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball end to end, as an operator uses it: unpacked, started with
 * {@code bin/paddock-server.sh start}, asked with {@code status}, used with the shell, stopped.
 * Skipped when no bash can be started (the scripts are bash); needs tar, as unpacking does.
 */
class ServerScriptTest {
    private static final Duration SERVER_EXIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private Installation paddock;

    @BeforeEach
    void unpack() throws Exception {
        assumeTrue(Installation.bashAvailable(), "bash is not available: the scripts cannot run");
        paddock = Installation.unpack(tmp);
    }

    @AfterEach
    void killLeftover() throws IOException {
        long pid = paddock == null ? -1 : paddock.pidFromFile();
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void startStatusShellStop() throws Exception {
        int port = Installation.freePort();
        paddock.writeZooCfg(port);
        paddock.writeConf("java.env", "SERVER_JVMFLAGS=\"-Xmx256m $SERVER_JVMFLAGS\"");

        Result before = paddock.script("paddock-server.sh", "status");
        assertNotEquals(0, before.status(), before.output());

        Result start = paddock.script("paddock-server.sh", "start");
        assertEquals(0, start.status(), start.output());
        assertTrue(start.output().contains("STARTED"), start.output());
        long pid = paddock.pidFromFile();
        assertTrue(Installation.running(pid), "the pid file names process " + pid + ", which is not running");

        Result status = paddock.script("paddock-server.sh", "status");
        assertEquals(0, status.status(), status.output());
        assertTrue(status.output().contains("Mode: standalone"), status.output());

        Result again = paddock.script("paddock-server.sh", "start");
        assertNotEquals(0, again.status(), again.output());
        assertTrue(again.output().contains("already running as process " + pid), again.output());
        assertEquals(pid, paddock.pidFromFile());

        Result shell = paddock.scriptWithInput("ls /\nquit\n",
                "paddock-cli.sh", "-server", "127.0.0.1:" + port, "ls", "/");
        assertEquals(0, shell.status(), shell.output());
        assertTrue(shell.output().contains("zookeeper"), shell.output());

        Result cmd = paddock.script("paddock-server.sh", "print-cmd");
        assertEquals(0, cmd.status(), cmd.output());
        assertTrue(cmd.output().contains("-Xmx256m") && cmd.output().contains("io.paddock.server.Main"),
                "print-cmd shows the java.env flags and the main class: " + cmd.output());

        Path log = paddock.logs.resolve("paddock-server.log");
        Timing.await().until(() -> Files.exists(log) && Files.readString(log).contains("listening on /127.0.0.1:" + port));

        Result stop = paddock.script("paddock-server.sh", "stop");
        assertEquals(0, stop.status(), stop.output());
        assertTrue(stop.output().contains("STOPPED"), stop.output());
        assertFalse(Installation.running(pid), "stop returned while process " + pid + " runs");
        assertFalse(Files.exists(paddock.data.resolve("paddock_server.pid")), "the pid file is left");

        Result after = paddock.script("paddock-server.sh", "status");
        assertNotEquals(0, after.status(), after.output());
        assertTrue(after.output().contains("not running"), after.output());
        Result stopAgain = paddock.script("paddock-server.sh", "stop");
        assertEquals(0, stopAgain.status(), stopAgain.output());
        assertTrue(stopAgain.output().contains("No Paddock server to stop"), stopAgain.output());
    }

    @Test
    void stopSendsKillWhenTermIsIgnoredAndSaysSo() throws Exception {
        paddock.writeZooCfg(Installation.freePort());
        // A server that ignores TERM: an ignored signal stays ignored in the JVM it starts.
        paddock.writeConf("java.env", "trap '' TERM", "PADDOCK_STOP_TIMEOUT=2");
        Result start = paddock.script("paddock-server.sh", "start");
        assertEquals(0, start.status(), start.output());
        long pid = paddock.pidFromFile();

        Result stop = paddock.script("paddock-server.sh", "stop");

        assertEquals(0, stop.status(), stop.output());
        assertTrue(stop.output().contains("still runs 2s after TERM; sending KILL"), stop.output());
        assertFalse(Installation.running(pid), "stop returned while process " + pid + " runs");
        assertEquals(-1, paddock.pidFromFile());
    }

    @Test
    void aStartThatFailsSaysWhyAndLeavesNoPidFile() throws Exception {
        paddock.writeConf("zoo.cfg", "dataDir=" + paddock.data, "clientPort=notaport");

        Result start = paddock.script("paddock-server.sh", "start");

        assertNotEquals(0, start.status(), start.output());
        assertTrue(start.output().contains("FAILED TO START"), start.output());
        assertTrue(start.output().contains("clientPort=notaport is invalid"),
                "the end of the server's output is shown: " + start.output());
        assertEquals(-1, paddock.pidFromFile());
    }

    @Test
    void startForegroundLogsToTheConsoleAndStopsOnTerm() throws Exception {
        int port = Installation.freePort();
        paddock.writeZooCfg(port);
        Path console = tmp.resolve("console.out");

        Process server = paddock.launch(console, "paddock-server.sh", "start-foreground");
        try {
            Timing.await(Duration.ofSeconds(60)).until(() -> {
                Result status = paddock.script("paddock-server.sh", "status");
                return status.status() == 0 && status.output().contains("Mode: standalone");
            });
            Timing.await().until(() -> Files.readString(console).contains("listening on /127.0.0.1:" + port));
            assertFalse(Files.exists(paddock.logs.resolve("paddock-server.log")),
                    "a foreground server logs to the console only");
        } finally {
            server.destroy();
        }
        assertTrue(Timing.waitFor(server, SERVER_EXIT), "the server did not stop on TERM");
    }

    @Test
    void theTarballHoldsReadmeLicenseAndSampleConfig() throws Exception {
        assertTrue(Files.readString(paddock.home.resolve("LICENSE")).contains("Apache License"));
        String readme = Files.readString(paddock.home.resolve("README.md"));
        assertTrue(readme.contains("paddock-server.sh start"), readme);
        Path zooCfg = paddock.home.resolve("conf/zoo.cfg");
        new ZooCfgParser().parse(zooCfg);
        assertTrue(Files.exists(paddock.home.resolve("conf/java.env")));
    }
}
