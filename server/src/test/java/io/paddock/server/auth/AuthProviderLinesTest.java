package io.paddock.server.auth;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.server.config.SecurityConfig;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ZooCfgParser;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.Test;

/**
 * authProvider.N lines as ZooKeeper operators write them switch Paddock's schemes on: without
 * one, an ACL naming x509 or sasl is invalid, as it is in ZooKeeper.
 */
class AuthProviderLinesTest {
    private static final List<ACL> X509_ACL = Arrays.asList(
            new ACL(Perms.ALL, new Id("x509", "CN=alice,O=Example")));
    private static final List<ACL> SASL_ACL = Arrays.asList(new ACL(Perms.ALL, new Id("sasl", "bob")));

    private static SecurityConfig parse(String... lines) {
        ServerConfig c = new ZooCfgParser().parse("zoo.cfg", List.of(lines));
        return c.security();
    }

    private static ZooKeeper connect(PaddockTestingServer server) throws Exception {
        ZooKeeper zk = new ZooKeeper(server.connectString(), 10_000, e -> { });
        Timing.await(Duration.ofSeconds(10)).until(() -> zk.getState().isConnected());
        return zk;
    }

    @Test
    void schemesNamedByProviderLinesBecomeValidInAcls() throws Exception {
        SecurityConfig security = parse(
                "authProvider.1=org.apache.zookeeper.server.auth.X509AuthenticationProvider",
                "authProvider.2=org.apache.zookeeper.server.auth.SASLAuthenticationProvider");
        try (PaddockTestingServer server = PaddockTestingServer.builder().security(security).start()) {
            ZooKeeper zk = connect(server);
            try {
                zk.create("/x509", new byte[0], X509_ACL, CreateMode.PERSISTENT);
                zk.create("/sasl", new byte[0], SASL_ACL, CreateMode.PERSISTENT);
                assertThrows(KeeperException.NoAuthException.class, () -> zk.getData("/x509", false, null));
            } finally {
                zk.close();
            }
        }
    }

    @Test
    void withoutThemTheSchemesAreUnknown() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().start()) {
            ZooKeeper zk = connect(server);
            try {
                assertThrows(KeeperException.InvalidACLException.class,
                        () -> zk.create("/x509", new byte[0], X509_ACL, CreateMode.PERSISTENT));
                assertThrows(KeeperException.InvalidACLException.class,
                        () -> zk.create("/sasl", new byte[0], SASL_ACL, CreateMode.PERSISTENT));
            } finally {
                zk.close();
            }
        }
    }
}
