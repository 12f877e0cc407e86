package io.paddock.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.SecurityConfig;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.security.auth.login.Configuration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ClientInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SASL DIGEST-MD5 with the official client: the server's users come from the JAAS file named
 * in its configuration; the client picks its JAAS section through its ZKClientConfig. The
 * client library reads JAAS only from the JVM-wide configuration, so this class installs one
 * (client sections only) for its run and puts the previous one back after.
 */
class SaslAuthenticationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Configuration previous;

    @TempDir
    Path dir;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    @BeforeAll
    static void installClientSections() {
        previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new JaasClientSections(Map.of(
                "BobClient", List.of("bob", "bob-secret"),
                "AdminClient", List.of("admin", "admin-secret"),
                "WrongClient", List.of("bob", "not-bobs-password"))));
    }

    @AfterAll
    static void restore() {
        Configuration.setConfiguration(previous);
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!toClose.isEmpty()) {
            toClose.pop().close();
        }
    }

    private Path jaas() throws Exception {
        return Files.writeString(dir.resolve("jaas.conf"), String.join("\n",
                "Server {",
                "  org.apache.zookeeper.server.auth.DigestLoginModule required",
                "  user_bob=\"bob-secret\"",
                "  user_admin=\"admin-secret\";",
                "};", ""));
    }

    private SecurityConfig.Builder sasl() throws Exception {
        return SecurityConfig.builder().jaasConfig(jaas()).addAuthProviderScheme("sasl");
    }

    private PaddockTestingServer start(SecurityConfig security) {
        PaddockTestingServer server = PaddockTestingServer.builder().security(security).start();
        toClose.push(server);
        return server;
    }

    /** A client using this JAAS section (null: SASL off), and the states it reports. */
    private ZooKeeper client(PaddockTestingServer server, String section,
            BlockingQueue<KeeperState> states) throws Exception {
        ZKClientConfig config = new ZKClientConfig();
        if (section == null) {
            config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        } else {
            config.setProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY, section);
            // The 3.9 client refuses DIGEST-MD5 in FIPS mode, its default.
            config.setProperty("zookeeper.fips-mode", "false");
        }
        ZooKeeper zk = new ZooKeeper(server.connectString(), 10_000, e -> states.add(e.getState()), config);
        toClose.push(zk::close);
        return zk;
    }

    private ZooKeeper authenticated(PaddockTestingServer server, String section) throws Exception {
        BlockingQueue<KeeperState> states = new LinkedBlockingQueue<>();
        ZooKeeper zk = client(server, section, states);
        awaitState(states, KeeperState.SaslAuthenticated);
        return zk;
    }

    private static void awaitState(BlockingQueue<KeeperState> states, KeeperState wanted)
            throws InterruptedException {
        while (true) {
            KeeperState s = Timing.poll(states, WAIT);
            assertTrue(s != null, "never reached " + wanted);
            if (s == wanted) {
                return;
            }
        }
    }

    @Test
    void aJaasClientAuthenticatesAndGetsItsSaslIdentity() throws Exception {
        PaddockTestingServer server = start(sasl().build());
        ZooKeeper bob = authenticated(server, "BobClient");

        List<ClientInfo> who = bob.whoAmI();
        assertTrue(who.stream().anyMatch(c -> c.getAuthScheme().equals("sasl") && c.getUser().equals("bob")),
                who.toString());
        bob.create("/bob", bytes("b"), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
        assertEquals("sasl", bob.getACL("/bob", new org.apache.zookeeper.data.Stat()).get(0).getId().getScheme());

        ZooKeeper anonymous = client(server, null, new LinkedBlockingQueue<>());
        Timing.await(WAIT).until(() -> anonymous.getState().isConnected());
        assertThrows(KeeperException.NoAuthException.class, () -> anonymous.getData("/bob", false, null));
        ZooKeeper bobAgain = authenticated(server, "BobClient");
        assertArrayEquals(bytes("b"), bobAgain.getData("/bob", false, null));
    }

    @Test
    void aWrongPasswordFailsAuthentication() throws Exception {
        PaddockTestingServer server = start(sasl().build());
        BlockingQueue<KeeperState> states = new LinkedBlockingQueue<>();
        client(server, "WrongClient", states);
        awaitState(states, KeeperState.AuthFailed);
    }

    @Test
    void theSaslSuperUserPassesEveryAcl() throws Exception {
        PaddockTestingServer server = start(sasl().saslSuperUser("admin").build());
        ZooKeeper bob = authenticated(server, "BobClient");
        bob.create("/bob", bytes("b"), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);

        ZooKeeper admin = authenticated(server, "AdminClient");
        assertArrayEquals(bytes("b"), admin.getData("/bob", false, null));
    }

    @Test
    void sessionRequireClientSaslAuthTurnsAwayClientsWithoutSasl() throws Exception {
        PaddockTestingServer server = start(sasl().requireClientSaslAuth(true).build());
        ZooKeeper bob = authenticated(server, "BobClient");
        bob.create("/allowed", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

        ZooKeeper anonymous = client(server, null, new LinkedBlockingQueue<>());
        assertThrows(KeeperException.SessionClosedRequireAuthException.class,
                () -> anonymous.create("/not-allowed", bytes(""), Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT));
        assertFalse(bob.exists("/not-allowed", false) != null);
    }

    @Test
    void enforcedDigestAuthAdmitsSessionsThatAddedIt() throws Exception {
        PaddockTestingServer server = start(SecurityConfig.builder().enforceAuth(true)
                .enforceAuthSchemes(List.of("digest")).build());
        ZooKeeper withDigest = client(server, null, new LinkedBlockingQueue<>());
        withDigest.addAuthInfo("digest", bytes("carol:pw"));
        withDigest.create("/carol", bytes(""), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

        ZooKeeper without = client(server, null, new LinkedBlockingQueue<>());
        assertThrows(KeeperException.SessionClosedRequireAuthException.class,
                () -> without.getData("/carol", false, null));
    }

    @Test
    void badSaslSettingsStopStartUp() throws Exception {
        ConfigException missing = assertThrows(ConfigException.class, () -> start(SecurityConfig.builder()
                .jaasConfig(dir.resolve("nope.conf")).build()));
        assertTrue(missing.getMessage().contains("sasl.jaasConfig"), missing.getMessage());

        ConfigException section = assertThrows(ConfigException.class, () -> start(sasl()
                .saslLoginContext("Elsewhere").build()));
        assertTrue(section.getMessage().contains("Elsewhere"), section.getMessage());

        ConfigException unknown = assertThrows(ConfigException.class, () -> start(SecurityConfig.builder()
                .enforceAuth(true).enforceAuthSchemes(List.of("kerberos")).build()));
        assertTrue(unknown.getMessage().contains("enforce.auth.schemes"), unknown.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
