package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooCfgParserTest {
    private final ZooCfgParser parser = new ZooCfgParser();

    @Test
    void readsAnOperatorsZooCfg(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, String.join("\n",
                "# a typical ZooKeeper config",
                "tickTime=1000",
                "initLimit=10",
                "syncLimit=5",
                "dataDir=/var/lib/zookeeper",
                "dataLogDir = /var/log/zookeeper",
                "clientPort=2999",
                "maxClientCnxns=7",
                "4lw.commands.whitelist=ruok, mntr,srvr",
                "autopurge.purgeInterval=1",
                "extendedTypesEnabled=true",
                "jute.maxbuffer=4096",
                "someVendorKey=whatever",
                ""));
        ServerConfig c = parser.parse(cfg);
        assertEquals(1000, c.tickTime());
        assertEquals(Path.of("/var/lib/zookeeper"), c.dataDir());
        assertEquals(Path.of("/var/log/zookeeper"), c.txnLogDir());
        assertEquals(2999, c.clientAddress().getPort());
        assertTrue(c.clientAddress().getAddress().isAnyLocalAddress(), "zoo.cfg binds all addresses");
        assertEquals(7, c.maxClientCnxns());
        assertEquals(Set.of("ruok", "mntr", "srvr"), c.fourLetterWhitelist());
        assertTrue(c.extendedTypesEnabled());
        assertEquals(4096, c.juteMaxBuffer());
        assertEquals(2000, c.minSessionTimeout(), "2 x tickTime");
        assertEquals(20000, c.maxSessionTimeout(), "20 x tickTime");
    }

    @Test
    void clientPortAddressAndPortCombineInEitherOrder() {
        ServerConfig c = parser.parse("zoo.cfg", List.of("clientPort=3000",
                "clientPortAddress=127.0.0.1"));
        assertEquals("127.0.0.1", c.clientAddress().getAddress().getHostAddress());
        assertEquals(3000, c.clientAddress().getPort());
    }

    @Test
    void malformedValueNamesKeyAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> parser.parse("zoo.cfg",
                List.of("dataDir=/tmp/x", "", "tickTime=fast")));
        assertTrue(e.getMessage().contains("zoo.cfg line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("tickTime"), e.getMessage());
    }

    @Test
    void separatorsCommentsAndContinuationsAreThoseOfJavaUtilProperties() {
        ServerConfig c = parser.parse("zoo.cfg", List.of("tickTime 1500", "! a comment",
                "clientPort:2999", "4lw.commands.whitelist = srvr,\\", "    mntr",
                "dataDir=/var/lib/zoo\\u006beeper"));
        assertEquals(1500, c.tickTime());
        assertEquals(2999, c.clientAddress().getPort());
        assertEquals(Set.of("srvr", "mntr"), c.fourLetterWhitelist());
        assertEquals(Path.of("/var/lib/zookeeper"), c.dataDir());
    }

    @Test
    void aKeyWithoutAValueIsRefusedWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parser.parse("zoo.cfg", List.of("# header", "tickTime")));
        assertEquals("zoo.cfg line 2: tickTime has no value", e.getMessage());
    }

    @Test
    void aBadValueAfterAContinuedEntryNamesItsOwnLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> parser.parse("zoo.cfg",
                List.of("4lw.commands.whitelist=srvr,\\", "  ruok", "", "tickTime=soon")));
        assertTrue(e.getMessage().startsWith("zoo.cfg line 4: tickTime=soon is invalid"),
                e.getMessage());
    }

    @Test
    void theFileIsReadAsLatin1AsPropertiesLoadDoes(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("zoo.cfg");
        // One e-acute as a Latin-1 byte, one as the escape ZooKeeper's docs suggest.
        Files.write(cfg, "dataDir=/data/caf\u00e9\ndataLogDir=/logs/caf\\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        ServerConfig c = parser.parse(cfg);
        assertEquals(Path.of("/data/caf\u00e9"), c.dataDir());
        assertEquals(Path.of("/logs/caf\u00e9"), c.txnLogDir());
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThrows(ConfigException.class, () -> parser.parse("z", List.of("clientPort=70000")));
        assertThrows(ConfigException.class, () -> parser.parse("z", List.of("tickTime=0")));
        assertThrows(ConfigException.class, () -> parser.parse("z", List.of("maxClientCnxns=-1")));
        assertThrows(ConfigException.class,
                () -> parser.parse("z", List.of("extendedTypesEnabled=maybe")));
    }

    @Test
    void sessionTimeoutsClampRequests() {
        ServerConfig c = ServerConfig.builder().tickTime(100).build();
        assertEquals(200, c.negotiateSessionTimeout(1));
        assertEquals(2000, c.negotiateSessionTimeout(1_000_000));
        assertEquals(500, c.negotiateSessionTimeout(500));
    }

    @Test
    void builtInDefaultsListenOnLoopback2181() {
        ServerConfig c = ServerConfig.builder().build();
        assertEquals("127.0.0.1", c.clientAddress().getHostString());
        assertEquals(2181, c.clientAddress().getPort());
        assertFalse(c.fourLetterAllowed("mntr"));
        assertTrue(c.fourLetterAllowed("srvr"));
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parser.parse(dir.resolve("nope.cfg")));
        assertTrue(e.getMessage().contains("nope.cfg"), e.getMessage());
    }

    @Test
    void pipelineRingSizeIsAPowerOfTwo() {
        assertEquals(4096, parser.parse("z", List.of("tickTime=2000")).pipelineRingSize());
        assertEquals(64, parser.parse("z", List.of("pipeline.ringSize=64")).pipelineRingSize());
        ConfigException e = assertThrows(ConfigException.class,
                () -> parser.parse("zoo.cfg", List.of("tickTime=2000", "pipeline.ringSize=100")));
        assertTrue(e.getMessage().contains("zoo.cfg line 2: pipeline.ringSize=100 is invalid"),
                e.getMessage());
        assertThrows(ConfigException.class, () -> parser.parse("z", List.of("pipeline.ringSize=1")));
    }
}
