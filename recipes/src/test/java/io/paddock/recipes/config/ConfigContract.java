package io.paddock.recipes.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.ConnectionState;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.testing.Timing;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** WatchedConfig: typed values, every update in order, no value going backwards, expiry. */
public abstract class ConfigContract extends RecipeTestBase {

    private WatchedConfig<Integer> config(io.paddock.client.PaddockClient c, String path) {
        return closeLater(new WatchedConfig<>(c, path, b -> Integer.parseInt(string(b))));
    }

    @Test
    void theListenerSeesEveryUpdateInOrder() throws Exception {
        String path = client.create().forPath(base + "/limit", bytes("0"));
        WatchedConfig<Integer> config = config(newClient(), path);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        config.addListener(v -> seen.add(v.value().orElseThrow()));
        config.start();
        assertTrue(config.awaitLoaded(Timing.scaled(WAIT)));
        for (int i = 1; i <= 20; i++) {
            client.setData().forPath(path, bytes(Integer.toString(i)));
            int expected = i;
            Timing.await(WAIT).until(() -> config.value().equals(Optional.of(expected)));
        }
        assertEquals(IntStream.rangeClosed(0, 20).boxed().toList(), seen);
        assertEquals(20, config.current().version());
    }

    @Test
    void aBurstOfWritesNeverGoesBackwardsAndEndsOnTheLastValue() {
        String path = client.create().forPath(base + "/burst", bytes("0"));
        WatchedConfig<Integer> config = config(newClient(), path);
        List<Versioned<Integer>> seen = new CopyOnWriteArrayList<>();
        config.addListener(seen::add);
        config.start();
        for (int i = 1; i <= 50; i++) {
            client.setData().forPath(path, bytes(Integer.toString(i)));
        }
        Timing.await(WAIT).until(() -> config.value().equals(Optional.of(50)));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).mzxid() > seen.get(i - 1).mzxid(), "in order: " + seen);
            assertTrue(seen.get(i).value().orElseThrow() > seen.get(i - 1).value().orElseThrow());
        }
    }

    @Test
    void deletionAndRecreationAreSeen() {
        String path = base + "/flag";
        WatchedConfig<Integer> config = config(client, path);
        List<Optional<Integer>> seen = new CopyOnWriteArrayList<>();
        config.addListener(v -> seen.add(v.value()));
        config.start();
        Timing.await(WAIT).until(() -> seen.size() == 1);
        client.create().forPath(path, bytes("1"));
        Timing.await(WAIT).until(() -> config.value().isPresent());
        client.delete().forPath(path);
        Timing.await(WAIT).until(() -> seen.size() == 3);
        client.create().forPath(path, bytes("2"));
        Timing.await(WAIT).until(() -> config.value().equals(Optional.of(2)));
        assertEquals(List.of(Optional.empty(), Optional.of(1), Optional.empty(), Optional.of(2)),
                seen);
    }

    @Test
    void anUpdateMadeWhileTheSessionExpiredIsPickedUp() {
        String path = client.create().forPath(base + "/limit", bytes("1"));
        Doomed doomed = doomedClient();
        WatchedConfig<Integer> config = config(doomed.client(), path).start();
        Timing.await(WAIT).until(() -> config.value().equals(Optional.of(1)));
        doomed.expire();
        client.setData().forPath(path, bytes("2"));
        Timing.await(WAIT).until(() -> doomed.client().state() == ConnectionState.LOST);
        doomed.restore();
        Timing.await(WAIT).until(() -> config.value().equals(Optional.of(2)));
        client.setData().forPath(path, bytes("3"));
        Timing.await(WAIT).until(() -> config.value().equals(Optional.of(3)));
    }
}
