package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way an ensemble config is refused, each naming the file, the key and, where one, the line. */
class EnsembleConfigErrorsTest {
    @TempDir
    Path dir;

    private final ZooCfgParser parser = new ZooCfgParser();

    /** Lines 1-5 are settings, the server lines are 6, 7 and 8, anything more follows. */
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

    private String refusal(List<String> lines) {
        return assertThrows(ConfigException.class, () -> parser.parse("zoo.cfg", lines)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }

    @Test
    void aMissingMyidFile() {
        String m = refusal(three());
        assertMentions(m, "zoo.cfg: ", "myid file " + dir.resolve("myid"), "is missing");
    }

    @Test
    void aMyidThatIsNotANumber() throws Exception {
        myid("one\n");
        assertMentions(refusal(three()), "zoo.cfg: ", "myid file", "holds 'one'", "not a server id");
    }

    @Test
    void aNegativeMyid() throws Exception {
        myid("-1");
        assertMentions(refusal(three()), "myid file", "holds '-1'");
    }

    @Test
    void aMyidNotInTheServerList() throws Exception {
        myid("4");
        assertMentions(refusal(three()), "zoo.cfg: myid 4", "is not among the server.N lines",
                "[server.1, server.2, server.3]");
    }

    @Test
    void aMalformedMyidStopsEvenAStandaloneServerWithOneServerLine() throws Exception {
        myid("x");
        assertMentions(refusal(List.of("dataDir=" + dir, "server.1=127.0.0.1:2888:3888")),
                "myid file", "holds 'x'");
    }

    @Test
    void theSameServerIdTwice() throws Exception {
        myid("1");
        assertMentions(refusal(three("server.2=127.0.0.1:2891:3891")),
                "zoo.cfg line 9: server.2=127.0.0.1:2891:3891 is invalid",
                "server id 2 is already given by server.2 (zoo.cfg line 7)");
    }

    @Test
    void theSameServerIdWrittenDifferently() throws Exception {
        myid("1");
        assertMentions(refusal(three("server.03=127.0.0.1:2891:3891")),
                "zoo.cfg line 9: server.03=", "server id 3 is already given by server.3 (zoo.cfg line 8)");
    }

    @Test
    void aQuorumPortThatIsAnotherServersElectionPort() throws Exception {
        myid("1");
        assertMentions(refusal(three("server.4=127.0.0.1:3889:3999")),
                "zoo.cfg line 9: server.4's quorum port 127.0.0.1:3889 is also server.2's election"
                        + " port 127.0.0.1:3889 (zoo.cfg line 7)");
    }

    @Test
    void localhostAnd127001AreTheSameHost() throws Exception {
        myid("1");
        assertMentions(refusal(three("server.4=localhost:2890:3999")),
                "zoo.cfg line 9: server.4's quorum port localhost:2890 is also server.3's quorum port"
                        + " 127.0.0.1:2890 (zoo.cfg line 8)");
    }

    @Test
    void aClientPortThatIsAnotherServersQuorumPort() throws Exception {
        myid("1");
        assertMentions(refusal(three("server.4=127.0.0.1:2891:3891;2888")),
                "zoo.cfg line 9: server.4's client port 0.0.0.0:2888 is also server.1's quorum port"
                        + " 127.0.0.1:2888 (zoo.cfg line 6)");
    }

    @Test
    void thisServersClientPortOnItsOwnElectionPort() throws Exception {
        myid("2");
        List<String> lines = three();
        lines.set(4, "clientPort=3889");
        assertMentions(refusal(lines), "zoo.cfg line 5: this server's clientPort 0.0.0.0:3889 is also"
                + " server.2's election port 127.0.0.1:3889 (zoo.cfg line 7)");
    }

    @Test
    void theQuorumAndElectionPortOfOneLineAreTheSame() throws Exception {
        myid("1");
        assertMentions(refusal(three("server.4=127.0.0.1:2999:2999")),
                "zoo.cfg line 9: server.4=127.0.0.1:2999:2999 is invalid",
                "the quorum port and the election port are both 2999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:2891", "127.0.0.1:2891:3891:voter", "127.0.0.1:x:3891",
            "127.0.0.1:2891:70000", ":2891:3891", "127.0.0.1:2891:3891:observer:extra",
            "127.0.0.1:2891:3891;1;2", "127.0.0.1:2891:3891;host:port", "[::1:2891:3891",
            "127.0.0.1:2891:3891:observer|127.0.0.2:2891:3891:participant", "[fe80::zz]:2891:3891"})
    void aServerLineThatDoesNotParse(String value) throws Exception {
        myid("1");
        assertMentions(refusal(three("server.4=" + value)),
                "zoo.cfg line 9: server.4=" + value + " is invalid: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"server.a", "server.", "server.-2"})
    void aServerKeyWithoutANumber(String key) throws Exception {
        myid("1");
        assertMentions(refusal(three(key + "=127.0.0.1:2891:3891")),
                "zoo.cfg line 9: " + key + "=127.0.0.1:2891:3891 is invalid: the server id");
    }

    @Test
    void observersWithoutAParticipant() {
        assertMentions(refusal(List.of("dataDir=" + dir, "server.1=127.0.0.1:2888:3888:observer",
                "server.2=127.0.0.1:2889:3889:observer")),
                "zoo.cfg: server.N: observers without a participant");
    }

    @Test
    void anObserverBesideTheOnlyParticipantOfAStandaloneConfig() {
        assertMentions(refusal(List.of("dataDir=" + dir, "server.1=127.0.0.1:2888:3888",
                "server.2=127.0.0.1:2889:3889:observer")),
                "zoo.cfg: server.N: observers need an ensemble");
    }

    @Test
    void standaloneDisabledWithoutAParticipant() {
        assertMentions(refusal(List.of("dataDir=" + dir, "standaloneEnabled=false")),
                "zoo.cfg line 2: standaloneEnabled=false needs at least one participant");
    }

    @Test
    void peerTypeDisagreeingWithTheServerLine() throws Exception {
        myid("2");
        assertMentions(refusal(three("peerType=observer")),
                "zoo.cfg line 9: peerType=observer disagrees with server.2 (zoo.cfg line 7),"
                        + " which makes this server participant");
    }

    @Test
    void anUnknownPeerType() {
        assertMentions(refusal(three("peerType=voter")),
                "zoo.cfg line 9: peerType=voter is invalid: expected participant or observer");
    }

    @Test
    void initLimitMissingFromAnEnsemble() throws Exception {
        myid("1");
        List<String> lines = three();
        lines.remove("initLimit=10");
        assertMentions(refusal(lines), "zoo.cfg: initLimit is not set");
    }

    @Test
    void syncLimitMissingFromAnEnsemble() throws Exception {
        myid("1");
        List<String> lines = three();
        lines.remove("syncLimit=5");
        assertMentions(refusal(lines), "zoo.cfg: syncLimit is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"initLimit=0", "syncLimit=-1", "initLimit=ten", "cnxTimeout=0",
            "standaloneEnabled=maybe", "quorumListenOnAllIPs=1", "electionPortBindRetry=x",
            "initLimit=999999999"})
    void aBadEnsembleValueNamesItsLine(String line) {
        assertMentions(refusal(three(line)), "zoo.cfg line 9: " + line + " is invalid");
    }

    @Test
    void hierarchicalQuorumsAreRefusedInAnEnsemble() throws Exception {
        myid("1");
        assertMentions(refusal(three("group.1=1:2:3")),
                "zoo.cfg line 9: group.1: hierarchical quorums", "not supported");
    }

    @Test
    void aStaticClientPortThatDisagreesWithThisServersLine() throws Exception {
        myid("2");
        List<String> lines = three();
        lines.set(6, "server.2=127.0.0.1:2889:3889;2182");
        assertMentions(refusal(lines), "zoo.cfg line 5: clientPort and clientPortAddress",
                "server.2 (zoo.cfg line 7) gives this server the client address");
    }

    @Test
    void serverLinesBothInZooCfgAndInADynamicConfigFile() throws Exception {
        Path dynamic = dir.resolve("zoo.cfg.dynamic");
        Files.writeString(dynamic, "server.1=127.0.0.1:2888:3888\n");
        assertMentions(refusal(three("dynamicConfigFile=" + dynamic)),
                "zoo.cfg line 9: with dynamicConfigFile set, the server.N lines belong in that file");
    }

    @Test
    void anOrdinaryKeyInADynamicConfigFile() throws Exception {
        Path dynamic = dir.resolve("zoo.cfg.dynamic");
        Files.writeString(dynamic, "server.1=127.0.0.1:2888:3888\n\ntickTime=2000\n");
        assertMentions(refusal(List.of("dataDir=" + dir, "dynamicConfigFile=" + dynamic)),
                dynamic + " line 3: tickTime does not belong in a dynamic config file");
    }

    @Test
    void aMissingDynamicConfigFile() {
        assertMentions(refusal(List.of("dataDir=" + dir, "dynamicConfigFile=" + dir.resolve("nope"))),
                "zoo.cfg line 2: dynamicConfigFile", "cannot be read");
    }

    @Test
    void aBadLineInADynamicConfigFileNamesThatFile() throws Exception {
        Path dynamic = dir.resolve("zoo.cfg.dynamic");
        Files.writeString(dynamic, "server.1=127.0.0.1:2888\n");
        assertEquals(dynamic + " line 1: server.1=127.0.0.1:2888 is invalid: '127.0.0.1:2888' does"
                + " not parse: expected host:quorumPort:electionPort[:participant|:observer]"
                + "[;[clientHost:]clientPort]",
                refusal(List.of("dataDir=" + dir, "dynamicConfigFile=" + dynamic)));
    }
}
