package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ZooKeeper options given as system properties, and ZooKeeper's precedence with zoo.cfg. */
class SystemPropertiesParserTest {
    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void zooKeepersPropertiesSetPaddocksKeys() {
        ServerConfig c = new ZooCfgParser(props("zookeeper.extendedTypesEnabled", "true",
                "znode.container.checkIntervalMs", "1234", "zookeeper.4lw.commands.whitelist", "*",
                "jute.maxbuffer", "4096", "zookeeper.snapshot.compression.method", "lz4",
                "zookeeper.admin.serverPort", "9999", "java.version", "17"))
                .parse("zoo.cfg", List.of("tickTime=2000"));
        assertTrue(c.extendedTypesEnabled());
        assertEquals(1234, c.containerCheckIntervalMs());
        assertEquals(Set.of("*"), c.fourLetterWhitelist());
        assertEquals(4096, c.juteMaxBuffer());
        assertTrue(c.snapshotCompression());
        assertEquals(9999, c.operations().adminAddress().getPort());
    }

    @Test
    void zooCfgWinsOverThePropertyAndThePropertyOverTheDefault() {
        ZooCfgParser parser = new ZooCfgParser(props("zookeeper.snapCount", "500",
                "zookeeper.forceSync", "no"));
        ServerConfig c = parser.parse("zoo.cfg", List.of("snapCount=700"));
        assertEquals(700, c.snapCount());
        assertFalse(c.forceSync());
        assertEquals(500, parser.defaults().snapCount(), "no zoo.cfg: the property");
        assertEquals(100_000, new ZooCfgParser().defaults().snapCount(), "no property: default");
    }

    @Test
    void unknownZooKeeperPropertiesAreIgnoredAndBadValuesNamed() {
        ServerConfig c = new ZooCfgParser(props("readonlymode.enabled", "true",
                "zookeeper.serverCnxnFactory", "x")).parse("zoo.cfg", List.of());
        assertEquals(2000, c.tickTime());
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ZooCfgParser(props("jute.maxbuffer", "big")).defaults());
        assertTrue(e.getMessage().startsWith("system property jute.maxbuffer: jute.maxbuffer=big"
                + " is invalid"), e.getMessage());
    }
}
