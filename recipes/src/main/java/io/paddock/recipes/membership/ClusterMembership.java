package io.paddock.recipes.membership;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.cache.ChildData;
import io.paddock.recipes.cache.TreeCache;
import io.paddock.recipes.cache.TreeCacheEvent;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A live view of a group: the children of the group path, each a member with its payload. Backed
 * by a {@link TreeCache} of depth 1, so it has that cache's guarantees: changes in server order,
 * convergence after reconnects. A member whose session dies leaves the view once the server
 * expires its session (about one session timeout). Like the cache, the view may skip an
 * intermediate state: a watch event carries no data, so a new payload is learnt by reading it,
 * and a member that updates its payload and leaves at once may be gone before that read; it is
 * then reported only as LEFT, with the last payload this view read.
 *
 * <p>Thread-safe. Listeners run on the client's event thread.
 */
public final class ClusterMembership implements AutoCloseable {
    private final String groupPath;
    private final TreeCache cache;
    private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch initialized = new CountDownLatch(1);
    /** Monitor that view changes notify; guards {@code changeCount}. */
    private final Object changes = new Object();
    private long changeCount;

    public ClusterMembership(PaddockClient client, String groupPath) {
        this.groupPath = ZNodePaths.makePath(groupPath);
        this.cache = new TreeCache(client, this.groupPath, 1);
        cache.addListener(this::onCacheEvent);
    }

    public void addListener(MembershipListener listener) {
        listeners.add(listener);
    }

    public ClusterMembership start() {
        cache.start();
        return this;
    }

    /** Waits until the view holds every member that was up when it started. */
    public boolean awaitInitialized(Duration max) throws InterruptedException {
        return initialized.await(max.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The members up now, by id, in id order. */
    public Map<String, Member> members() {
        Map<String, Member> out = new LinkedHashMap<>();
        cache.children(groupPath).forEach((id, data) -> out.put(id, new Member(id, data.data())));
        return out;
    }

    /** Waits until {@code memberId} is in the view; false if {@code max} passed first. */
    public boolean awaitMember(String memberId, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            long seen;
            synchronized (changes) {
                seen = changeCount;
            }
            // isUp takes the cache's lock, which events hold while they take ours: never nest.
            if (isUp(memberId)) {
                return true;
            }
            synchronized (changes) {
                while (changeCount == seen) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(changes, left);
                }
            }
        }
    }

    public boolean isUp(String memberId) {
        return cache.current(ZNodePaths.makePath(groupPath, memberId)).isPresent();
    }

    @Override
    public void close() {
        cache.close();
    }

    private void onCacheEvent(TreeCacheEvent event) {
        synchronized (changes) {
            changeCount++;
            changes.notifyAll();
        }
        if (event.type() == TreeCacheEvent.Type.INITIALIZED) {
            initialized.countDown();
            return;
        }
        ChildData data = event.data();
        if (data.path().equals(groupPath)) {
            return;
        }
        Member member = new Member(ZNodePaths.getNodeFromPath(data.path()), data.data());
        MembershipEvent.Type type = switch (event.type()) {
            case ADDED -> MembershipEvent.Type.JOINED;
            case UPDATED -> MembershipEvent.Type.UPDATED;
            default -> MembershipEvent.Type.LEFT;
        };
        MembershipEvent change = new MembershipEvent(type, member);
        for (MembershipListener l : listeners) {
            l.membershipChanged(change);
        }
    }
}
