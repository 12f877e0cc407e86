package io.paddock.zab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.message.Ack;
import io.paddock.zab.message.Commit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimNetworkTest {

    private static List<Long> drain(SimNetwork net, long from, long to) {
        List<Long> got = new ArrayList<>();
        while (!net.isEmpty()) {
            Envelope e = net.poll();
            if (net.deliverable(e) && e.from() == from && e.to() == to) {
                got.add(((Ack) e.message()).zxid());
            }
        }
        return got;
    }

    @Test
    void eachChannelIsFifoWhateverTheDelays() {
        SimNetwork net = new SimNetwork(3, new SplittableRandom(7), new NetworkFaults(0, 50, 0, 0, 0, 0));
        for (long z = 1; z <= 200; z++) {
            net.send(new Ack(1, 2, z), null, z / 3);
        }
        List<Long> got = drain(net, 1, 2);
        assertEquals(200, got.size());
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i) > got.get(i - 1), "FIFO: " + got);
        }
    }

    @Test
    void aCutDropsAndStaleMessagesMayArriveAfterTheNextConnectionsOnes() {
        boolean reordered = false;
        for (int seed = 0; seed < 30 && !reordered; seed++) {
            SimNetwork net = new SimNetwork(3, new SplittableRandom(seed), new NetworkFaults(5, 10, 0, 0, 1.0, 100));
            net.send(new Ack(1, 2, 1), null, 0);
            net.send(new Ack(1, 2, 2), null, 0);
            net.cut(1, 2, 1);
            assertEquals(SimNetwork.SendResult.CUT, net.send(new Ack(1, 2, 3), null, 1));
            net.heal(1, 2);
            net.send(new Ack(1, 2, 4), null, 2);
            List<Long> got = drain(net, 1, 2);
            assertTrue(got.contains(4L) && !got.contains(3L), got.toString());
            reordered = got.indexOf(4L) < got.indexOf(1L) || got.indexOf(4L) < got.indexOf(2L);
        }
        assertTrue(reordered, "some seed delivers a stale message after a newer one");
    }

    @Test
    void aCrashedPeerReceivesNothingThatWasInFlight() {
        SimNetwork net = new SimNetwork(3, new SplittableRandom(1), new NetworkFaults(1, 1, 0, 0, 0, 0));
        net.send(new Commit(1, 2, 5), null, 0);
        net.send(new Commit(3, 1, 5), null, 0);
        net.crashed(2, 0);
        Envelope e = net.poll();
        assertEquals(3, e.from());
        assertTrue(net.isEmpty());
    }

    @Test
    void duplicatesFollowTheOriginal() {
        SimNetwork net = new SimNetwork(3, new SplittableRandom(1), new NetworkFaults(0, 3, 0, 1.0, 0, 0));
        net.send(new Ack(1, 2, 1), null, 0);
        net.send(new Ack(1, 2, 2), null, 0);
        assertEquals(List.of(1L, 1L, 2L, 2L), drain(net, 1, 2));
    }
}
