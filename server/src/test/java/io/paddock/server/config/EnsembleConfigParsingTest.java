package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.PeerConfig;
import io.paddock.zab.quorum.MajorityQuorum;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server.N, myid and the other ensemble keys, read from zoo.cfg into an EnsembleConfig. */
class EnsembleConfigParsingTest {
    @TempDir
    Path dir;

    private final ZooCfgParser parser = new ZooCfgParser();

    /** A pseudo-cluster of three on 127.0.0.1, as ZooKeeper's docs write it. */
    private List<String> three(String... more) {
        List<String> lines = new ArrayList<>(List.of("tickTime=2000", "initLimit=10", "syncLimit=5",
                "dataDir=" + dir, "clientPort=2181",
                "server.1=127.0.0.1:2888:3888",
                "server.2=127.0.0.1:2889:3889",
                "server.3=127.0.0.1:2890:3890"));
        lines.addAll(List.of(more));
        return lines;
    }

    private void myid(String content) throws Exception {
        Files.writeString(dir.resolve("myid"), content);
    }

    private ServerConfig parse(List<String> lines) {
        return parser.parse("zoo.cfg", lines);
    }

    private EnsembleConfig ensemble(List<String> lines) {
        return parse(lines).ensemble().orElseThrow();
    }

    @Test
    void threeServerLinesAndAMyidMakeAnEnsemble() throws Exception {
        myid("2\n");
        ServerConfig config = parse(three());
        assertFalse(config.isStandalone());
        EnsembleConfig e = config.ensemble().orElseThrow();
        assertEquals(2, e.myId());
        assertEquals(List.of(1L, 2L, 3L), e.members().stream().map(EnsembleMember::id).toList());
        EnsembleMember self = e.self();
        assertEquals(InetSocketAddress.createUnresolved("127.0.0.1", 2889), self.quorumAddress());
        assertEquals(InetSocketAddress.createUnresolved("127.0.0.1", 3889), self.electionAddress());
        assertEquals(Optional.empty(), self.clientAddress());
        assertEquals(PeerType.PARTICIPANT, self.type());
        assertEquals(Set.of(1L, 2L, 3L), e.participantIds());
        assertEquals(Set.of(), e.observerIds());
        assertEquals(new MajorityQuorum(Set.of(1L, 2L, 3L)), e.quorumVerifier());
        assertTrue(e.quorumVerifier().containsQuorum(Set.of(1L, 3L)));
        assertEquals(10, e.initLimit());
        assertEquals(5, e.syncLimit());
        assertFalse(e.quorumListenOnAllIPs());
        assertEquals(3, e.electionPortBindRetry());
        assertEquals(5000, e.cnxTimeoutMs());
        assertEquals(2181, config.clientAddress().getPort());
    }

    @Test
    void myidMayCarryBlanksAndMoreLines() throws Exception {
        myid("  3  \r\nignored\n");
        assertEquals(3, ensemble(three()).myId());
    }

    @Test
    void thePeerConfigCountsTenCoreTicksPerTick() throws Exception {
        myid("1");
        PeerConfig peer = ensemble(three()).toPeerConfig();
        assertEquals(1, peer.myId());
        assertEquals(new MajorityQuorum(Set.of(1L, 2L, 3L)), peer.quorum());
        assertEquals(Set.of(), peer.observers());
        assertEquals(100, peer.initLimitTicks());
        assertEquals(50, peer.syncLimitTicks());
        assertEquals(5, peer.pingIntervalTicks());
        assertEquals(2, peer.electionTimeoutTicks());
        assertEquals(1, peer.finalizeWaitTicks());
        assertEquals(Set.of(), peer.mutations());
        assertEquals(Duration.ofMillis(200), EnsembleConfig.coreTickPeriod(2000));
        assertEquals(Duration.ofMillis(10), EnsembleConfig.coreTickPeriod(100));
    }

    @Test
    void anObserverLineAndClientPartsAsZooKeeper36WritesThem() throws Exception {
        myid("4");
        ServerConfig config = parse(List.of("initLimit=5", "syncLimit=2", "dataDir=" + dir,
                "server.1=127.0.0.1:2888:3888:participant;2181",
                "server.2=127.0.0.1:2889:3889;127.0.0.1:2182",
                "server.3=127.0.0.1:2890:3890",
                "server.4=127.0.0.1:2891:3891:OBSERVER;127.0.0.1:2184"));
        EnsembleConfig e = config.ensemble().orElseThrow();
        assertTrue(e.isObserver());
        assertEquals(Set.of(4L), e.observerIds());
        assertEquals(Set.of(1L, 2L, 3L), e.participantIds());
        assertEquals(Optional.of(InetSocketAddress.createUnresolved("0.0.0.0", 2181)),
                e.member(1).orElseThrow().clientAddress());
        assertEquals(Optional.of(InetSocketAddress.createUnresolved("127.0.0.1", 2182)),
                e.member(2).orElseThrow().clientAddress());
        assertEquals(new InetSocketAddress("127.0.0.1", 2184), config.clientAddress(),
                "this server's line gives its client address");
        PeerConfig peer = e.toPeerConfig();
        assertTrue(peer.isObserver());
        assertEquals(Set.of(4L), peer.observers());
    }

    @Test
    void quorumTransportKeys() throws Exception {
        myid("1");
        EnsembleConfig e = ensemble(three("quorumListenOnAllIPs=true", "electionPortBindRetry=0",
                "cnxTimeout=1500"));
        assertTrue(e.quorumListenOnAllIPs());
        assertEquals(0, e.electionPortBindRetry(), "0 retries forever, as in ZooKeeper");
        assertEquals(1500, e.cnxTimeoutMs());
    }

    @Test
    void aNegativeElectionPortBindRetryFallsBackToTheDefaultAsInZooKeeper() throws Exception {
        myid("1");
        try (LogCapture log = new LogCapture(EnsembleKeys.class)) {
            assertEquals(3, ensemble(three("electionPortBindRetry=-2")).electionPortBindRetry());
            assertTrue(log.warnings().stream().anyMatch(m -> m.contains("electionPortBindRetry=-2")),
                    log.warnings().toString());
        }
    }

    @Test
    void ipv6HostsInBracketsAndSeveralAddressesOfWhichTheFirstIsUsed() throws Exception {
        myid("1");
        try (LogCapture log = new LogCapture(EnsembleKeys.class)) {
            EnsembleConfig e = ensemble(List.of("initLimit=10", "syncLimit=5", "dataDir=" + dir,
                    "server.1=[::1]:2888:3888|10.0.0.1:2888:3888;[::1]:2181",
                    "server.2=[::1]:2889:3889", "server.3=[::1]:2890:3890"));
            EnsembleMember one = e.member(1).orElseThrow();
            assertEquals(InetSocketAddress.createUnresolved("0:0:0:0:0:0:0:1", 2888), one.quorumAddress());
            assertEquals(Optional.of(InetSocketAddress.createUnresolved("0:0:0:0:0:0:0:1", 2181)),
                    one.clientAddress());
            assertTrue(log.warnings().stream().anyMatch(m -> m.contains("zoo.cfg line 4")
                    && m.contains("server.1") && m.contains("10.0.0.1:2888:3888 is not used")),
                    log.warnings().toString());
        }
    }

    @Test
    void oneServerLineWithStandaloneEnabledRunsStandaloneOnItsClientAddress() throws Exception {
        myid("1");
        ServerConfig config = parse(List.of("dataDir=" + dir,
                "server.1=127.0.0.1:2888:3888;127.0.0.1:2999"));
        assertTrue(config.isStandalone());
        assertEquals(new InetSocketAddress("127.0.0.1", 2999), config.clientAddress());
    }

    @Test
    void oneServerLineWithoutAMyidRunsStandaloneAsBefore() {
        ServerConfig config = parse(List.of("dataDir=" + dir, "clientPort=2222",
                "server.1=localhost:2888:3888", "standaloneEnabled=true"));
        assertTrue(config.isStandalone());
        assertEquals(2222, config.clientAddress().getPort());
    }

    @Test
    void noServerLinesIsStandaloneWhateverTheEnsembleKeysSay() {
        ServerConfig config = parse(List.of("dataDir=" + dir, "initLimit=10", "syncLimit=5",
                "peerType=observer", "quorumListenOnAllIPs=true"));
        assertTrue(config.isStandalone());
    }

    @Test
    void oneServerLineWithStandaloneDisabledIsAnEnsembleOfOne() throws Exception {
        myid("7");
        EnsembleConfig e = ensemble(List.of("initLimit=10", "syncLimit=5", "dataDir=" + dir,
                "standaloneEnabled=false", "server.7=127.0.0.1:2888:3888"));
        assertEquals(Set.of(7L), e.participantIds());
        assertEquals(new MajorityQuorum(Set.of(7L)), e.toPeerConfig().quorum());
    }

    @Test
    void peerTypeThatAgreesWithTheServerLineIsFine() throws Exception {
        myid("4");
        EnsembleConfig e = ensemble(three("peerType=observer", "server.4=127.0.0.1:2891:3891:observer"));
        assertTrue(e.isObserver());
    }

    @Test
    void anEvenNumberOfParticipantsIsAllowedWithAWarning() throws Exception {
        myid("1");
        try (LogCapture log = new LogCapture(EnsembleResolver.class)) {
            EnsembleConfig e = ensemble(three("server.4=127.0.0.1:2891:3891"));
            assertEquals(4, e.participantIds().size());
            assertTrue(log.warnings().stream().anyMatch(m -> m.contains("4 participants")
                    && m.contains("odd number")), log.warnings().toString());
        }
        try (LogCapture log = new LogCapture(EnsembleResolver.class)) {
            ensemble(List.of("initLimit=10", "syncLimit=5", "dataDir=" + dir,
                    "server.1=127.0.0.1:2888:3888", "server.2=127.0.0.1:2889:3889"));
            assertTrue(log.warnings().stream().anyMatch(m -> m.contains("2 participants")
                    && m.contains("no server failure will be tolerated")), log.warnings().toString());
        }
    }

    @Test
    void observersDoNotCountAsVotersForTheEvenWarning() throws Exception {
        myid("1");
        try (LogCapture log = new LogCapture(EnsembleResolver.class)) {
            ensemble(three("server.4=127.0.0.1:2891:3891:observer"));
            assertEquals(List.of(), log.warnings());
        }
    }

    @Test
    void sameHostsAndPortsOnDifferentMachinesDoNotCollide() throws Exception {
        myid("1");
        EnsembleConfig e = ensemble(List.of("initLimit=10", "syncLimit=5", "dataDir=" + dir,
                "clientPort=2181",
                "server.1=zk1.example.com:2888:3888;2181", "server.2=zk2.example.com:2888:3888;2181",
                "server.3=zk3.example.com:2888:3888;2181"));
        assertEquals(3, e.members().size());
    }

    @Test
    void theServerLinesMayLiveInADynamicConfigFile() throws Exception {
        myid("3");
        Path dynamic = dir.resolve("zoo.cfg.dynamic.100000000");
        Files.writeString(dynamic, "server.1=127.0.0.1:2888:3888:participant;0.0.0.0:2181\n"
                + "server.2=127.0.0.1:2889:3889:participant;0.0.0.0:2182\n"
                + "server.3=127.0.0.1:2890:3890:participant;0.0.0.0:2183\nversion=100000000\n");
        ServerConfig config = parse(List.of("initLimit=10", "syncLimit=5", "dataDir=" + dir,
                "dynamicConfigFile=" + dynamic));
        assertEquals(Set.of(1L, 2L, 3L), config.ensemble().orElseThrow().participantIds());
        assertEquals(2183, config.clientAddress().getPort());
    }
}
