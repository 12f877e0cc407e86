package io.paddock.server.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which directories a server's storage uses, and when it imports first. */
class ZooKeeperStartupTest {
    @TempDir
    Path dir;

    private ServerConfig config(Path dataLogDir) {
        return ServerConfig.builder().dataDir(dir).dataLogDir(dataLogDir).build();
    }

    @Test
    void aDirectoryWithoutZooKeeperDataIsPaddocksOwn() {
        ServerConfig c = config(null);
        assertSame(c, ZooKeeperStartup.storageConfig(c));
        assertTrue(Files.notExists(dir.resolve("paddock")));
    }

    @Test
    void paddockDataBesideZooKeeperDataIsUsedWithoutImportingAgain() throws Exception {
        Files.createDirectories(dir.resolve("version-2"));
        Files.write(dir.resolve("version-2/snapshot.0"), new byte[] {1}); // would not import
        Files.createDirectories(dir.resolve("paddock"));
        Path logs = dir.resolve("logs");

        ServerConfig c = ZooKeeperStartup.storageConfig(config(logs));

        assertEquals(dir.resolve("paddock"), c.dataDir());
        assertEquals(logs.resolve("paddock"), c.txnLogDir());
        assertEquals(dir.resolve("paddock"), ZooKeeperStartup.storageConfig(config(null))
                .txnLogDir());
    }

    @Test
    void aServerThatRanOnTheDataDirItselfKeepsItsData() throws Exception {
        Files.createDirectories(dir.resolve("version-2"));
        Files.write(dir.resolve("version-2/snapshot.0"), new byte[] {1});
        Files.write(dir.resolve("snapshot.5"), new byte[] {1}); // Paddock's own, in dataDir

        ServerConfig c = config(null);

        assertSame(c, ZooKeeperStartup.storageConfig(c));
        assertTrue(Files.notExists(dir.resolve("paddock")));
        assertNull(c.dataLogDir());
    }
}
