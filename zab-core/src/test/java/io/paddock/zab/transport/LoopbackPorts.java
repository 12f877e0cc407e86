package io.paddock.zab.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Free ports on 127.0.0.1 for in-process ensembles: the addresses must be known before any peer
 * starts (every peer's config names every other), and a restarted peer binds the same ones again.
 * The ports are found by binding port 0 and releasing it; nothing else on the machine is expected
 * to grab them in between.
 */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** Election and quorum addresses for servers {@code 1..count}. */
    public static Map<Long, PeerAddress> ensemble(int count) {
        List<Integer> ports = free(2 * count);
        Map<Long, PeerAddress> peers = new TreeMap<>();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int i = 0; i < count; i++) {
            long id = i + 1;
            peers.put(id, new PeerAddress(id, new InetSocketAddress(loopback, ports.get(2 * i)),
                    new InetSocketAddress(loopback, ports.get(2 * i + 1))));
        }
        return peers;
    }

    private static List<Integer> free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                held.add(s);
            }
            List<Integer> ports = new ArrayList<>();
            for (ServerSocket s : held) {
                ports.add(s.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a port we could not release is only a port we do not use
                }
            }
        }
    }
}
