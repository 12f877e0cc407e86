package io.paddock.server.net;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open client connections: counted per client address, so that one past maxClientCnxns
 * (0 means no limit) is refused as ZooKeeper refuses it, and listed for the cons and stat
 * four-letter words. Thread-safe.
 */
public final class ConnectionRegistry {
    private final int maxPerAddress;
    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** [ops] Told of each connection counted in and out (the JMX tree registers one bean each). */
    public interface Listener {
        void opened(ClientConnection c);

        void closed(ClientConnection c);
    }

    public ConnectionRegistry(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts the connection in, or returns false (counting nothing) if it is one too many. */
    boolean tryAcquire(ClientConnection c, InetAddress address) {
        AtomicInteger n = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (n.incrementAndGet() > maxPerAddress && maxPerAddress > 0) {
            n.decrementAndGet();
            return false;
        }
        open.add(c);
        listeners.forEach(l -> l.opened(c));
        return true;
    }

    void release(ClientConnection c, InetAddress address) {
        if (open.remove(c)) {
            listeners.forEach(l -> l.closed(c));
        }
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Listeners run on the connection's I/O thread and must neither block nor throw. */
    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public Collection<ClientConnection> connections() {
        return Collections.unmodifiableSet(open);
    }

    public int size() {
        return open.size();
    }
}
