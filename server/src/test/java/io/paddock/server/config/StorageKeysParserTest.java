package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The durability, snapshot and retention keys of zoo.cfg. */
class StorageKeysParserTest {
    private final ZooCfgParser parser = new ZooCfgParser();

    @Test
    void defaultsAreZooKeepers() {
        ServerConfig c = parser.parse("zoo.cfg", List.of("dataDir=/tmp/x"));

        assertEquals(100_000, c.snapCount());
        assertEquals(65_536, c.preAllocSizeKb());
        assertTrue(c.forceSync());
        assertEquals(1000, c.fsyncWarningThresholdMs());
        assertEquals(3, c.snapRetainCount());
        assertEquals(0, c.purgeIntervalHours());
        assertFalse(c.snapshotCompression());
        assertTrue(c.snapshotOnShutdown());
    }

    @Test
    void readsEveryStorageKey() {
        ServerConfig c = parser.parse("zoo.cfg", List.of("dataDir=/tmp/x", "snapCount=5000",
                "preAllocSize=1024", "forceSync=no", "fsync.warningthresholdms=50",
                "autopurge.snapRetainCount=7", "autopurge.purgeInterval=24",
                "snapshot.compression.method=lz4", "snapshotOnShutdown=false"));

        assertEquals(5000, c.snapCount());
        assertEquals(1024, c.preAllocSizeKb());
        assertFalse(c.forceSync());
        assertEquals(50, c.fsyncWarningThresholdMs());
        assertEquals(7, c.snapRetainCount());
        assertEquals(24, c.purgeIntervalHours());
        assertTrue(c.snapshotCompression());
        assertFalse(c.snapshotOnShutdown());
    }

    @Test
    void aRetainCountBelowThreeIsRaisedAsZooKeeperDoes() {
        ServerConfig c = parser.parse("zoo.cfg", List.of("autopurge.snapRetainCount=1"));

        assertEquals(3, c.snapRetainCount());
    }

    @Test
    void badValuesNameTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parser.parse("zoo.cfg", List.of("snapshot.compression.method=zip")));
        assertTrue(e.getMessage().contains("snapshot.compression.method"), e.getMessage());
        assertThrows(ConfigException.class,
                () -> parser.parse("zoo.cfg", List.of("forceSync=maybe")));
        assertThrows(ConfigException.class,
                () -> parser.parse("zoo.cfg", List.of("snapCount=1")));
    }

    @Test
    void aBadSnapshotOnShutdownNamesTheKeyAndTheLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parser.parse("zoo.cfg", List.of("dataDir=/tmp/x", "snapshotOnShutdown=sometimes")));
        assertTrue(e.getMessage().contains("snapshotOnShutdown"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
