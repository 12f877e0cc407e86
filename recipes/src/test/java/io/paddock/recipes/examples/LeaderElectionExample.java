package io.paddock.recipes.examples;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.leader.LeaderLatch;
import io.paddock.recipes.leader.LeaderLatchListener;
import io.paddock.recipes.leader.LeaderSelector;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Leader election, as a latch and as a selector. */
public final class LeaderElectionExample {
    public static void main(String[] args) throws Exception {
        System.out.println(run(args[0]));
    }

    static boolean run(String connectString) throws Exception {
        try (PaddockClient client = Clients.connect(connectString)) {
            // tag::example[]
            try (LeaderLatch latch = new LeaderLatch(client, "/election/scheduler", "node-1")) {
                latch.addListener(new LeaderLatchListener() {
                    public void isLeader() { System.out.println("leading"); }
                    public void notLeader() { System.out.println("following"); }   // also on SUSPENDED
                });
                latch.start();
                if (latch.await(Duration.ofSeconds(5))) {
                    System.out.println("I am the scheduler");
                }
            }
            CountDownLatch done = new CountDownLatch(1);
            try (LeaderSelector selector = new LeaderSelector(client, "/election/compactor",
                    "node-1", c -> done.countDown())) {   // lead while this runs, then requeue
                selector.autoRequeue().start();
                return done.await(5, TimeUnit.SECONDS);
            }
            // end::example[]
        }
    }
}
