package io.paddock.recipes.examples;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.membership.GroupMember;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/** Cluster membership with a payload and a live view. */
public final class MembershipExample {
    public static void main(String[] args) throws Exception {
        System.out.println(run(args[0]));
    }

    static Set<String> run(String connectString) throws Exception {
        try (PaddockClient client = Clients.connect(connectString)) {
            // tag::example[]
            try (GroupMember me = new GroupMember(client, "/cluster/workers", "worker-1",
                    "host=10.0.0.7 load=0.3".getBytes(StandardCharsets.UTF_8))) {
                me.start().awaitJoined(Duration.ofSeconds(5));
                me.view().addListener(e -> System.out.println(e.type() + " " + e.member().id()));
                me.view().awaitInitialized(Duration.ofSeconds(5));
                return me.members().keySet();       // who is up now: {worker-1, ...}
            }
            // end::example[]
        }
    }
}
