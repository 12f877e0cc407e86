package io.paddock.recipes.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.client.PaddockClient;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.exception.NodeExistsException;
import io.paddock.client.exception.NotEmptyException;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** NodeCache and TreeCache: initial load, ordered events, convergence under churn and expiry. */
public abstract class CacheContract extends RecipeTestBase {

    @Test
    void nodeCacheFollowsTheNodeThroughCreateUpdateDelete() {
        String path = base + "/node";
        NodeCache cache = closeLater(new NodeCache(client, path));
        List<Optional<String>> seen = new CopyOnWriteArrayList<>();
        cache.addListener(now -> seen.add(now.map(d -> string(d.data()))));
        cache.start();
        Timing.await(WAIT).until(cache::isLoaded);
        client.create().forPath(path, bytes("one"));
        Timing.await(WAIT).until(() -> cache.current().isPresent());
        client.setData().forPath(path, bytes("two"));
        Timing.await(WAIT).until(() -> seen.contains(Optional.of("two")));
        client.delete().forPath(path);
        Timing.await(WAIT).until(() -> cache.current().isEmpty() && seen.size() == 4);
        assertEquals(List.of(Optional.empty(), Optional.of("one"), Optional.of("two"),
                Optional.empty()), seen);
    }

    @Test
    void treeCacheLoadsThenReportsChangesInOrder() {
        String root = base + "/tree";
        client.create().forPath(root);
        client.create().forPath(root + "/a", bytes("a0"));
        client.create().forPath(root + "/a/b", bytes("b0"));
        client.create().forPath(root + "/c", bytes("c0"));
        TreeCache cache = closeLater(new TreeCache(client, root));
        List<String> events = new CopyOnWriteArrayList<>();
        cache.addListener(e -> events.add(e.type() + (e.data() == null ? ""
                : " " + e.data().path().substring(root.length()))));
        cache.start();
        Timing.await(WAIT).until(cache::isInitialized);
        assertEquals(5, events.size(), "" + events);
        assertEquals("INITIALIZED", events.get(4));
        assertEquals(List.of("ADDED ", "ADDED /a", "ADDED /a/b", "ADDED /c"),
                events.subList(0, 4).stream().sorted().toList());

        events.clear();
        client.create().forPath(root + "/d", bytes("d0"));
        client.setData().forPath(root + "/a", bytes("a1"));
        client.delete().forPath(root + "/a/b");
        Timing.await(WAIT).until(() -> events.size() >= 3);
        assertEquals(List.of("ADDED /d", "UPDATED /a", "REMOVED /a/b"), events);
        assertEquals("a1", string(cache.current(root + "/a").orElseThrow().data()));
        assertEquals(List.of("a", "c", "d"), List.copyOf(cache.children(root).keySet()));
    }

    @Test
    void treeCacheConvergesUnderConcurrentChurn() throws Exception {
        String root = base + "/churn";
        client.create().forPath(root);
        TreeCache cache = closeLater(new TreeCache(client, root)).start();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        closeLater(pool::shutdownNow);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            PaddockClient c = newClient();
            Random random = new Random(w);
            writers.add(pool.submit(() -> churn(c, root, random, 40)));
        }
        for (Future<?> f : writers) {
            Timing.get(f, Duration.ofSeconds(60));
        }
        Timing.await(WAIT).until(() -> view(cache).equals(serverTree(root)));
    }

    @Test
    void treeCacheConvergesAfterItsSessionExpires() {
        String root = base + "/expiry";
        client.create().forPath(root);
        client.create().forPath(root + "/kept", bytes("k0"));
        client.create().forPath(root + "/gone");
        Doomed doomed = doomedClient();
        TreeCache cache = closeLater(new TreeCache(doomed.client(), root)).start();
        Timing.await(WAIT).until(cache::isInitialized);

        doomed.expire();
        client.setData().forPath(root + "/kept", bytes("k1"));
        client.delete().forPath(root + "/gone");
        client.create().forPath(root + "/new", bytes("n0"));
        Timing.await(WAIT).until(() -> doomed.client().state()
                == io.paddock.client.ConnectionState.LOST);
        doomed.restore();
        Timing.await(WAIT).until(() -> view(cache).equals(serverTree(root)));
        assertEquals("k1", string(cache.current(root + "/kept").orElseThrow().data()));
    }

    private static Void churn(PaddockClient c, String root, Random random, int ops) {
        String[] names = {"/x", "/y", "/z", "/x/1", "/y/2"};
        for (int i = 0; i < ops; i++) {
            String path = root + names[random.nextInt(names.length)];
            try {
                switch (random.nextInt(3)) {
                    case 0 -> c.create().forPath(path, bytes("v" + i));
                    case 1 -> c.setData().forPath(path, bytes("v" + i));
                    default -> c.delete().forPath(path);
                }
            } catch (NodeExistsException | NoNodeException | NotEmptyException expected) {
                // racing writers
            }
        }
        return null;
    }

    private static Map<String, String> view(TreeCache cache) {
        Map<String, String> out = new TreeMap<>();
        cache.snapshot().forEach((p, d) -> out.put(p, string(d.data())));
        return out;
    }

    private Map<String, String> serverTree(String root) {
        Map<String, String> out = new TreeMap<>();
        collect(root, out);
        return out;
    }

    private void collect(String path, Map<String, String> out) {
        try {
            out.put(path, string(client.getData().forPath(path)));
            for (String child : client.getChildren().forPath(path)) {
                collect(path + "/" + child, out);
            }
        } catch (NoNodeException gone) {
            // deleted while we walked
        }
    }
}
