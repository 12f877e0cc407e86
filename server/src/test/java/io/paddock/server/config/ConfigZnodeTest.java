package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.zookeeper.server.quorum.flexible.QuorumMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /zookeeper/config holds what ZooKeeper 3.9.5's own QuorumMaj.toString() writes. */
class ConfigZnodeTest {
    @TempDir
    Path dir;

    private static final List<String> SERVERS = List.of(
            "server.1=127.0.0.1:2888:3888",
            "server.2=localhost:2889:3889:participant;2182",
            "server.3=127.0.0.1:2890:3890;127.0.0.1:2183",
            "server.4=[::1]:2891:3891:observer;[::1]:2184",
            "server.5=127.0.0.1:2892:3892:observer");

    private EnsembleConfig ensemble() throws Exception {
        Files.writeString(dir.resolve("myid"), "1");
        List<String> lines = new java.util.ArrayList<>(List.of("initLimit=10", "syncLimit=5",
                "dataDir=" + dir));
        lines.addAll(SERVERS);
        return new ZooCfgParser().parse("zoo.cfg", lines).ensemble().orElseThrow();
    }

    /** The reference: ZooKeeper's QuorumMaj built from the same lines and version. */
    private static String zooKeepers(long version) throws Exception {
        Properties props = new Properties();
        props.load(new StringReader(String.join("\n", SERVERS) + "\nversion="
                + Long.toHexString(version)));
        return new QuorumMaj(props).toString();
    }

    @Test
    void matchesZooKeepersQuorumMaj() throws Exception {
        long version = 0x100000000L;
        assertEquals(zooKeepers(version), ConfigZnode.content(ensemble(), version));
    }

    @Test
    void matchesZooKeepersQuorumMajAtVersionZero() throws Exception {
        assertEquals(zooKeepers(0), ConfigZnode.content(ensemble(), 0));
    }

    @Test
    void theGoldenText() throws Exception {
        String golden = "server.1=127.0.0.1:2888:3888:participant\n"
                + "server.2=localhost:2889:3889:participant;0.0.0.0:2182\n"
                + "server.3=127.0.0.1:2890:3890:participant;127.0.0.1:2183\n"
                + "server.4=[0:0:0:0:0:0:0:1]:2891:3891:observer;[0:0:0:0:0:0:0:1]:2184\n"
                + "server.5=127.0.0.1:2892:3892:observer\n"
                + "version=200000005";
        assertEquals(golden, zooKeepers(0x200000005L), "the reference itself");
        assertEquals(golden, ConfigZnode.content(ensemble(), 0x200000005L));
        assertArrayEquals(golden.getBytes(StandardCharsets.UTF_8),
                ConfigZnode.data(ensemble(), 0x200000005L));
    }
}
