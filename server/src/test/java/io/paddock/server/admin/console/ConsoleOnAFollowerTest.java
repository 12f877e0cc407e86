package io.paddock.server.admin.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.server.config.ConsoleConfig;
import io.paddock.server.config.OperationsConfig;
import io.paddock.server.testing.PaddockEnsemble;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** [ensemble] A console write on a follower goes to the leader and is seen on every server. */
class ConsoleOnAFollowerTest {

    @Test
    void aWriteThroughAFollowersConsoleIsCommittedByTheEnsemble() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.startWithOperations(3,
                OperationsConfig.ephemeral().withConsole(new ConsoleConfig(true, true)))) {
            long leader = ensemble.awaitLeader();
            long follower = ensemble.ids().stream().filter(id -> id != leader).findFirst().get();
            ConsoleHttp console = new ConsoleHttp(ensemble.server(follower).adminAddress());
            HttpResponse<String> c = console.write("create",
                    "{\"path\":\"/via-follower\",\"data\":\"yes\",\"acl\":\"open\"}", "alice:secret");
            assertEquals(200, c.statusCode(), c.body());
            try (ZooKeeper zk = ZooKeeperClients.connect(ensemble.connectString(leader))) {
                assertArrayEquals("yes".getBytes(StandardCharsets.UTF_8),
                        zk.getData("/via-follower", false, null));
            }
        }
    }
}
