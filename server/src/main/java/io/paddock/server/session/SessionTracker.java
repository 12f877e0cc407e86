package io.paddock.server.session;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The live sessions and their expiry. Connections {@link #touch} a session on every packet;
 * the server's ticker calls {@link #expired} once per tick and submits a closeSession for each
 * session returned, so that expiry flows through the same pipeline as an explicit close.
 *
 * <p>Thread-safe: called from Netty I/O threads, the apply thread and the ticker.
 */
public final class SessionTracker {
    private final ConcurrentHashMap<Long, Session> sessions = new ConcurrentHashMap<>();
    private final ExpiryQueue expiry;
    private final LongSupplier clock;
    private volatile SessionPasswords passwords;
    /** [ensemble] Sessions touched since the last report to the leader, when recording. */
    private final Set<Long> touched = ConcurrentHashMap.newKeySet();
    private volatile boolean recordTouches;
    private long nextSessionId;

    /**
     * @param serverId the top byte of every session id this server hands out
     * @param tickMs expiry granularity
     * @param clock milliseconds, wall clock in production and a fake in tests
     */
    public SessionTracker(long serverId, int tickMs, LongSupplier clock) {
        this(serverId, tickMs, clock, randomSecret());
    }

    /**
     * [storage] With a secret kept across restarts, so that a session restored from disk keeps
     * its password and its client can resume it.
     *
     * @param secret the key passwords are derived with; at least 16 bytes
     */
    public SessionTracker(long serverId, int tickMs, LongSupplier clock, byte[] secret) {
        this(serverId, tickMs, clock, SessionPasswords.keyed(secret));
    }

    /**
     * [storage] With the password scheme the data directory's sessions were created under.
     */
    public SessionTracker(long serverId, int tickMs, LongSupplier clock,
            SessionPasswords passwords) {
        this.expiry = new ExpiryQueue(tickMs);
        this.clock = clock;
        this.passwords = passwords;
        // Time in the low bits keeps ids unique across restarts; the server id in the top byte
        // keeps them unique across an ensemble (ZooKeeper's layout).
        this.nextSessionId = ((clock.getAsLong() << 24) >>> 8) | (serverId << 56);
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** Reserves a fresh session id; the session exists once {@link #add} runs at apply time. */
    public synchronized long nextSessionId() {
        return nextSessionId++;
    }

    /** Adds a session when its createSession txn is applied. */
    public Session add(long id, int timeoutMs) {
        Session s = sessions.computeIfAbsent(id, k -> new Session(k, timeoutMs));
        synchronized (this) {
            expiry.update(id, clock.getAsLong(), timeoutMs);
        }
        return s;
    }

    public Session get(long id) {
        return sessions.get(id);
    }

    /** True if the session exists, is not closing and {@code password} is its password. */
    public boolean validate(long id, byte[] password) {
        Session s = sessions.get(id);
        return s != null && !s.isClosing() && MessageDigest.isEqual(passwordFor(id), password);
    }

    /** Pushes the session's expiry out by its timeout; false if it is gone or closing. */
    public boolean touch(long id) {
        Session s = sessions.get(id);
        if (s == null || s.isClosing()) {
            return false;
        }
        synchronized (this) {
            expiry.update(id, clock.getAsLong(), s.timeoutMs());
        }
        if (recordTouches) {
            touched.add(id);
        }
        return true;
    }

    /** [ensemble] Starts remembering touched sessions, for a learner's reports to its leader. */
    public void recordTouches() {
        recordTouches = true;
    }

    /** [ensemble] The sessions touched since the last call. */
    public long[] drainTouched() {
        long[] ids = touched.stream().mapToLong(Long::longValue).toArray();
        for (long id : ids) {
            touched.remove(id);
        }
        return ids;
    }

    /** Marks a session closing, so it takes no more requests while its close is in flight. */
    public void markClosing(long id) {
        Session s = sessions.get(id);
        if (s != null) {
            s.markClosing();
        }
        synchronized (this) {
            expiry.remove(id);
        }
    }

    /** Removes a session when its closeSession txn is applied. */
    public Session remove(long id) {
        synchronized (this) {
            expiry.remove(id);
        }
        return sessions.remove(id);
    }

    /** Sessions past their deadline, each marked closing; the caller submits their close. */
    public List<Session> expired() {
        List<Long> ids;
        synchronized (this) {
            ids = expiry.poll(clock.getAsLong());
        }
        return ids.stream().map(sessions::get).filter(s -> s != null && !s.isClosing())
                .peek(Session::markClosing).toList();
    }

    /** [ops] For the dump admin command: expiry time (ms) to the sessions expiring then. */
    public synchronized Map<Long, Set<Long>> expiryBuckets() {
        return expiry.buckets();
    }

    public Collection<Session> sessions() {
        return sessions.values();
    }

    public int size() {
        return sessions.size();
    }

    /**
     * [ensemble] Switches to another password scheme (a learner adopting its leader's secret,
     * so that a session's password is valid on every server); every session's password follows.
     */
    public void usePasswords(SessionPasswords newPasswords) {
        passwords = newPasswords;
    }

    /** [ensemble] Pushes every session's expiry out by its full timeout: a new leader's start. */
    public void touchAll() {
        for (Session s : sessions.values()) {
            touch(s.id());
        }
    }

    /**
     * A session's password is derived from its id (see {@link SessionPasswords}), so it never
     * needs to be stored. Derived only where a client is answered or resumes: every member
     * applies each createSession, and a digest per session there cost the apply thread a third
     * of its time under session churn.
     */
    public byte[] passwordFor(long id) {
        return passwords.passwordFor(id);
    }
}
