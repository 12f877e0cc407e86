package io.paddock.server.config;

import io.paddock.server.config.EnsembleKeys.ServerLine;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses an ensemble in which two ports would be bound on the same host: two servers' quorum,
 * election or client ports, or one server's client port on its own quorum or election port. On
 * a pseudo-cluster (every server on 127.0.0.1) this is the usual copy-and-paste mistake, and
 * it would otherwise surface as a bind failure, or worse, as a server talking to itself.
 *
 * <p>Hosts are compared as written, without DNS: {@code localhost} counts as 127.0.0.1. A
 * wildcard host (0.0.0.0) means "this machine" of that server only, so it collides only with
 * that server's own ports; a client port given without a host is on its server's quorum host.
 *
 * <p>Stateless.
 */
final class EndpointCollisions {
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0");

    private record Endpoint(String hostKey, int port, String what, InetSocketAddress written,
            String where) {
    }

    private EndpointCollisions() {
    }

    /**
     * @param ownClientAddress where this server ({@code myId}) serves clients
     * @param clientPortWhere where clientPort was set, for this server's client endpoint when
     *     its own line has no client part
     * @throws ConfigException naming both endpoints and their lines
     */
    static void check(List<ServerLine> lines, long myId, InetSocketAddress ownClientAddress,
            String clientPortWhere) {
        Map<String, Endpoint> seen = new HashMap<>();
        for (Endpoint e : endpoints(lines, myId, ownClientAddress, clientPortWhere)) {
            Endpoint earlier = seen.putIfAbsent(e.hostKey() + "|" + e.port(), e);
            if (earlier != null) {
                throw new ConfigException(e.where() + ": " + e.what() + " " + show(e.written())
                        + " is also " + earlier.what() + " " + show(earlier.written()) + " ("
                        + earlier.where() + "); two servers on one host need different ports");
            }
        }
    }

    private static List<Endpoint> endpoints(List<ServerLine> lines, long myId,
            InetSocketAddress ownClientAddress, String clientPortWhere) {
        List<Endpoint> out = new ArrayList<>();
        for (ServerLine l : lines) {
            EnsembleMember m = l.member();
            String host = hostKey(m.quorumAddress().getHostString(), m.id(), null);
            out.add(new Endpoint(host, m.quorumAddress().getPort(), l.key() + "'s quorum port",
                    m.quorumAddress(), l.where()));
            out.add(new Endpoint(host, m.electionAddress().getPort(),
                    l.key() + "'s election port", m.electionAddress(), l.where()));
            if (m.clientAddress().isPresent()) {
                InetSocketAddress c = m.clientAddress().get();
                out.add(new Endpoint(hostKey(c.getHostString(), m.id(), host), c.getPort(),
                        l.key() + "'s client port", c, l.where()));
            } else if (m.id() == myId) {
                out.add(new Endpoint(hostKey(ownClientAddress.getHostString(), m.id(), host),
                        ownClientAddress.getPort(), "this server's clientPort", ownClientAddress,
                        clientPortWhere));
            }
        }
        return out;
    }

    /**
     * @param wildcardHost the key a wildcard host stands for; null for the server's own machine
     */
    private static String hostKey(String host, long id, String wildcardHost) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (WILDCARDS.contains(h)) {
            return wildcardHost != null ? wildcardHost : "this machine of server." + id;
        }
        if (h.equals("localhost")) {
            return "127.0.0.1";
        }
        return h.equals("0:0:0:0:0:0:0:1") ? "::1" : h;
    }

    /** host:port as written, an IPv6 host in brackets. */
    static String show(InetSocketAddress a) {
        String host = a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
