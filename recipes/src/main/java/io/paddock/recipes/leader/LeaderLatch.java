package io.paddock.recipes.leader;

import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.CreateMode;
import io.paddock.client.PaddockClient;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NoNodeException;
import io.paddock.recipes.nodes.Failures;
import io.paddock.recipes.nodes.ZNodePaths;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Leader election as a latch: every participant queues an ephemeral sequential node (protected
 * name, its id as data) under the latch path; the first in line leads, each other one watches
 * only the node just before its own.
 *
 * <p>Guarantees: at most one participant whose connection is healthy believes it leads; a
 * participant stops leading as soon as its connection is SUSPENDED or LOST (and may lead again
 * after RECONNECTED if its node survived); when the leader's session dies, its node goes and the
 * next participant leads, so a new leader is chosen within about one session timeout. After a
 * session loss the participant queues again at the back.
 *
 * <p>Thread-safe. The work runs on the client's event thread through async calls; listeners run
 * there too.
 */
public final class LeaderLatch implements AutoCloseable {
    private static final String MARKER = "latch-";

    private final PaddockClient client;
    private final String latchPath;
    private final String id;
    private final List<LeaderLatchListener> listeners = new CopyOnWriteArrayList<>();
    private final Watcher watcher = this::onWatchEvent;
    private final ConnectionStateListener connectionListener = this::onStateChanged;
    private String ourPath;
    private boolean creating;
    private boolean leader;
    private boolean closed;

    public LeaderLatch(PaddockClient client, String latchPath, String id) {
        this.client = client;
        this.latchPath = ZNodePaths.makePath(latchPath);
        this.id = id;
    }

    public void addListener(LeaderLatchListener listener) {
        listeners.add(listener);
    }

    /** Joins the election in the background. */
    public synchronized LeaderLatch start() {
        client.addConnectionStateListener(connectionListener);
        queueUp();
        return this;
    }

    public String id() {
        return id;
    }

    public synchronized boolean hasLeadership() {
        return leader;
    }

    /** Waits until this participant leads; false if {@code max} passed or the latch closed. */
    public synchronized boolean await(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!leader && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return leader;
    }

    /** Waits until this participant leads (or the latch is closed). */
    public synchronized void await() throws InterruptedException {
        while (!leader && !closed) {
            wait();
        }
    }

    /** Every participant in line, leader first (read from the server). */
    public List<Participant> participants() {
        List<Participant> out = new ArrayList<>();
        for (String name : sortedNodes()) {
            try {
                byte[] data = client.getData().forPath(ZNodePaths.makePath(latchPath, name));
                out.add(new Participant(new String(data, StandardCharsets.UTF_8), out.isEmpty()));
            } catch (NoNodeException gone) {
                // left while we looked
            }
        }
        return out;
    }

    /** Leaves the election: deletes our node and, if leading, stops leading. */
    @Override
    public void close() {
        String path;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            path = ourPath;
            ourPath = null;
            notifyAll();
        }
        client.removeConnectionStateListener(connectionListener);
        if (path != null) {
            client.async().delete().guaranteed().forPath(path);
        }
        setLeader(false);
    }

    private synchronized void queueUp() {
        if (closed || creating) {
            return;
        }
        creating = true;
        client.async().create().creatingParentContainersIfNeeded().withProtection()
                .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(ZNodePaths.makePath(latchPath, MARKER), id.getBytes(StandardCharsets.UTF_8))
                .whenComplete((path, error) -> onCreated(path, error));
    }

    private void onCreated(String path, Throwable error) {
        synchronized (this) {
            creating = false;
            if (error != null) {
                return; // the next RECONNECTED queues again
            }
            if (closed) {
                client.async().delete().guaranteed().forPath(path);
                return;
            }
            ourPath = path;
        }
        checkLeadership();
    }

    private void checkLeadership() {
        client.async().getChildren().forPath(latchPath).whenComplete((names, error) -> {
            if (error == null) {
                decide(sorted(names));
            }
        });
    }

    private void decide(List<String> sorted) {
        String ours;
        synchronized (this) {
            if (closed || ourPath == null) {
                return;
            }
            ours = ZNodePaths.getNodeFromPath(ourPath);
        }
        int index = sorted.indexOf(ours);
        if (index < 0) {
            synchronized (this) {
                ourPath = null;
            }
            setLeader(false);
            queueUp();
        } else if (index == 0) {
            setLeader(isConnected());
        } else {
            setLeader(false);
            String before = ZNodePaths.makePath(latchPath, sorted.get(index - 1));
            client.async().getData().watched(watcher).forPath(before).whenComplete((d, error) -> {
                if (error != null && Failures.cause(error) instanceof NoNodeException) {
                    checkLeadership();
                }
            });
        }
    }

    private boolean isConnected() {
        ConnectionState state = client.state();
        return state != null && state.isConnected();
    }

    private void onWatchEvent(WatchedEvent event) {
        if (event.type() == WatchedEvent.Type.NODE_DELETED) {
            checkLeadership();
        }
    }

    private void onStateChanged(PaddockClient c, ConnectionState state) {
        switch (state) {
            case SUSPENDED, LOST -> setLeader(false);
            case RECONNECTED -> {
                boolean queued;
                synchronized (this) {
                    queued = ourPath != null;
                }
                if (queued) {
                    checkLeadership();
                } else {
                    queueUp();
                }
            }
            default -> {
                // CONNECTED comes before start; READ_ONLY changes nothing here
            }
        }
    }

    private void setLeader(boolean value) {
        synchronized (this) {
            if (leader == value || (value && closed)) {
                return;
            }
            leader = value;
            notifyAll();
        }
        for (LeaderLatchListener l : listeners) {
            if (value) {
                l.isLeader();
            } else {
                l.notLeader();
            }
        }
    }

    private List<String> sortedNodes() {
        try {
            return sorted(client.getChildren().forPath(latchPath));
        } catch (NoNodeException none) {
            return List.of();
        }
    }

    private static List<String> sorted(List<String> names) {
        return names.stream()
                .filter(n -> n.length() > ZNodePaths.SEQUENTIAL_SUFFIX_LENGTH + MARKER.length()
                        && n.startsWith(MARKER, n.length() - ZNodePaths.SEQUENTIAL_SUFFIX_LENGTH
                                - MARKER.length()))
                .sorted(ZNodePaths::compareSequential)
                .toList();
    }
}
