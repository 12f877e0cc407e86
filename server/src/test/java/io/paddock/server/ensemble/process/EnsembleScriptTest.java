package io.paddock.server.ensemble.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * dist's {@code bin/paddock-ensemble.sh} as an operator runs it: start 3, status, kill, restart,
 * stop, with this JVM's class path as the servers' (PADDOCK_CLASSPATH).
 */
class EnsembleScriptTest {
    private static final Path SCRIPT = Path.of("..", "dist", "src", "main", "bin",
            "paddock-ensemble.sh");
    private static final Duration SCRIPT_WAIT = Duration.ofSeconds(90);

    private Path dir;

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        if (dir != null) {
            run("stop");
        }
    }

    @Test
    void startStatusKillRestartStop() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SCRIPT), "needs the dist module beside server");
        Files.createDirectories(Path.of("target", "process-ensemble"));
        dir = Files.createTempDirectory(Path.of("target", "process-ensemble"), "script-");

        String started = run("start", "3");
        Matcher cs = Pattern.compile("connect string (\\S+)").matcher(started);
        assertTrue(cs.find(), started);
        Map<Long, String[]> status = status();
        assertEquals(3, status.size(), status.toString());
        long leader = status.entrySet().stream().filter(e -> e.getValue()[2].equals("leader"))
                .mapToLong(Map.Entry::getKey).findFirst().orElseThrow();
        assertEquals(2, status.values().stream().filter(v -> v[2].equals("follower")).count());

        try (ZooKeeper zk = ZkClients.connect(cs.group(1))) {
            zk.create("/script", bytes("s"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        long pid = Long.parseLong(status.get(leader)[0]);
        run("kill", Long.toString(leader));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals("down", status().get(leader)[2]);

        run("restart", Long.toString(leader));
        String port = status().get(leader)[1];
        try (ZooKeeper zk = ZkClients.connect("127.0.0.1:" + port)) {
            ZkClients.sync(zk, "/script");
            assertArrayEquals(bytes("s"), zk.getData("/script", false, null));
        }

        run("stop");
        status().forEach((id, v) -> assertEquals("down", v[2], "server " + id));
    }

    /** id -> {pid, port, mode} from {@code status}. */
    private Map<Long, String[]> status() throws Exception {
        Map<Long, String[]> servers = new TreeMap<>();
        for (String line : run("status").split("\n")) {
            String[] f = line.trim().split("\\s+", 4);
            if (f.length == 4 && f[0].matches("\\d+")) {
                servers.put(Long.parseLong(f[0]), new String[] {f[1], f[2], f[3]});
            }
        }
        return servers;
    }

    private String run(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PADDOCK_ENSEMBLE_DIR", dir.toString());
        pb.environment().put("PADDOCK_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("PADDOCK_JVM_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        pb.environment().put("PADDOCK_ENSEMBLE_WAIT",
                Long.toString(Timing.scaled(Duration.ofSeconds(60)).toSeconds()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(Timing.waitFor(p, SCRIPT_WAIT), "paddock-ensemble.sh " + String.join(" ", args));
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "paddock-ensemble.sh " + String.join(" ", args) + ":\n" + text);
        return text;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
