package io.paddock.recipes.leader;

import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.PaddockClient;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.exception.PaddockException;
import io.paddock.recipes.locks.InterProcessMutex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election that runs a task: participants queue on an {@link InterProcessMutex} at the
 * selector's path (the id as node data); the holder runs
 * {@link LeaderSelectorListener#takeLeadership} and gives the lock up when it returns. With
 * {@link #autoRequeue()} the participant then queues again at the back, so leadership rotates.
 *
 * <p>Guarantees: at most one participant with a healthy session runs {@code takeLeadership} at a
 * time; when the connection is SUSPENDED or LOST the leading thread is interrupted at once, and
 * when the leader's session dies its node goes and the next participant leads within about one
 * session timeout.
 *
 * <p>Thread-safe. {@code takeLeadership} runs on one thread owned by this selector; close the
 * selector to stop it.
 */
public final class LeaderSelector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderSelector.class);

    private final PaddockClient client;
    private final String id;
    private final LeaderSelectorListener listener;
    private final InterProcessMutex mutex;
    private final ExecutorService executor;
    private final ConnectionStateListener connectionListener = this::onStateChanged;
    private boolean autoRequeue;
    private boolean queued;
    private boolean closed;
    private volatile Thread leaderThread;

    public LeaderSelector(PaddockClient client, String path, String id,
            LeaderSelectorListener listener) {
        this.client = client;
        this.id = id;
        this.listener = listener;
        this.mutex = new InterProcessMutex(client, path, id.getBytes(StandardCharsets.UTF_8));
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "leader-selector-" + id);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queue again each time leadership is given up. Call before {@link #start()}. */
    public synchronized LeaderSelector autoRequeue() {
        autoRequeue = true;
        return this;
    }

    /** Joins the queue. */
    public LeaderSelector start() {
        client.addConnectionStateListener(connectionListener);
        requeue();
        return this;
    }

    /** Queues again after leadership was given up; false if already queued or closed. */
    public synchronized boolean requeue() {
        if (queued || closed) {
            return false;
        }
        queued = true;
        executor.execute(this::lead);
        return true;
    }

    public String id() {
        return id;
    }

    public boolean hasLeadership() {
        return leaderThread != null;
    }

    /** Interrupts {@code takeLeadership} if it is running here. */
    public void interruptLeadership() {
        Thread t = leaderThread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Every participant in line, leader first (read from the server). */
    public List<Participant> participants() {
        List<Participant> out = new ArrayList<>();
        for (String path : mutex.participantNodes()) {
            try {
                String who = new String(client.getData().forPath(path), StandardCharsets.UTF_8);
                out.add(new Participant(who, out.isEmpty()));
            } catch (NoNodeException gone) {
                // left while we looked
            }
        }
        return out;
    }

    /** Leaves the election, interrupting {@code takeLeadership} if it runs. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        client.removeConnectionStateListener(connectionListener);
        executor.shutdownNow();
    }

    private void lead() {
        try {
            mutex.acquire();
        } catch (InterruptedException e) {
            finish();
            return;
        } catch (PaddockException | IllegalStateException e) {
            LOG.warn("{} could not queue for leadership", id, e);
            finish();
            return;
        }
        try {
            leaderThread = Thread.currentThread();
            listener.takeLeadership(client);
        } catch (InterruptedException e) {
            LOG.debug("{} interrupted while leading", id);
        } catch (Exception e) {
            LOG.warn("{}: takeLeadership failed", id, e);
        } finally {
            leaderThread = null;
            Thread.interrupted(); // the release below must not see a stale interrupt
            try {
                mutex.release();
            } catch (PaddockException e) {
                LOG.debug("{}: release failed; the node goes with the session", id, e);
            }
            finish();
        }
    }

    private void finish() {
        boolean again;
        synchronized (this) {
            queued = false;
            again = autoRequeue && !closed;
        }
        if (again) {
            requeue();
        }
    }

    private void onStateChanged(PaddockClient c, ConnectionState state) {
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
            interruptLeadership();
        }
    }
}
