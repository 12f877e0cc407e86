package io.paddock.recipes.membership;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.ConnectionState;
import io.paddock.recipes.testing.RecipeTestBase;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** GroupMember and ClusterMembership: live view, payloads, death and re-joining. */
public abstract class MembershipContract extends RecipeTestBase {

    @Test
    void membersSeeEachOtherAndTheirPayloads() throws Exception {
        String group = base + "/group";
        GroupMember a = closeLater(new GroupMember(newClient(), group, "a", bytes("load=1")));
        GroupMember b = closeLater(new GroupMember(newClient(), group, "b", bytes("load=2")));
        a.start();
        b.start();
        assertTrue(a.awaitJoined(WAIT));
        await().atMost(WAIT).until(() -> a.members().keySet().equals(Set.of("a", "b")));
        assertEquals("load=2", string(a.members().get("b").payload()));

        List<String> heard = new CopyOnWriteArrayList<>();
        a.view().addListener(e -> heard.add(e.type() + " " + e.member().id() + " "
                + string(e.member().payload())));
        b.setPayload(bytes("load=9"));
        b.close();
        await().atMost(WAIT).until(() -> heard.size() == 2);
        assertEquals(List.of("UPDATED b load=9", "LEFT b load=9"), heard);
    }

    @Test
    void aMemberWhoseSessionDiesLeavesAndComesBackAfterReconnecting() throws Exception {
        String group = base + "/group";
        ClusterMembership view = closeLater(new ClusterMembership(client, group)).start();
        assertTrue(view.awaitInitialized(WAIT));
        Doomed doomed = doomedClient();
        closeLater(new GroupMember(doomed.client(), group, "worker", bytes("up"))).start();
        await().atMost(WAIT).until(() -> view.isUp("worker"));

        doomed.expire();
        await().atMost(WAIT).until(() -> !view.isUp("worker"));
        await().atMost(WAIT).until(() -> doomed.client().state() == ConnectionState.LOST);
        doomed.restore();
        await().atMost(WAIT).until(() -> view.isUp("worker"));
        assertEquals("up", string(view.members().get("worker").payload()));
    }
}
