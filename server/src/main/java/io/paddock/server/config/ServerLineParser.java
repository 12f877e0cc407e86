package io.paddock.server.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one {@code server.N=host:quorumPort:electionPort[:participant|:observer][;[clientHost:]clientPort]}
 * line, with ZooKeeper's grammar (QuorumPeer.QuorumServer): IPv6 hosts in brackets, several
 * {@code |}-separated addresses (ZooKeeper 3.6+'s multiAddress), a client part that is a port
 * or a host and port.
 *
 * <p>Paddock uses the first of several addresses; the others are checked and then logged as not
 * used, so a line written for ZooKeeper still starts.
 *
 * <p>Stateless.
 */
final class ServerLineParser {
    private static final String SHAPE =
            "expected host:quorumPort:electionPort[:participant|:observer][;[clientHost:]clientPort]";

    /**
     * A parsed line.
     *
     * @param unusedAddresses the {@code |}-separated addresses after the first, as written
     */
    record Parsed(EnsembleMember member, List<String> unusedAddresses) {
    }

    private ServerLineParser() {
    }

    static boolean isServerKey(String key) {
        return key.startsWith("server.");
    }

    /**
     * The id in a {@code server.N} key.
     *
     * @throws IllegalArgumentException if N is not a non-negative number
     */
    static long id(String key) {
        String n = key.substring("server.".length());
        long id;
        try {
            id = Long.parseLong(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the server id '" + n + "' is not a number");
        }
        if (id < 0) {
            throw new IllegalArgumentException("the server id " + id + " is negative");
        }
        return id;
    }

    /** @throws IllegalArgumentException saying what is wrong with the line */
    static Parsed parse(long id, String value) {
        String[] serverAndClient = value.split(";");
        if (serverAndClient.length == 0) {
            // Only ';'s: split drops the empty strings and leaves nothing (found by fuzzing).
            throw new IllegalArgumentException("no address: " + SHAPE);
        }
        if (serverAndClient.length > 2) {
            throw new IllegalArgumentException("more than one ';': " + SHAPE);
        }
        String[] addresses = serverAndClient[0].split("\\|");
        Address first = null;
        List<String> unused = new ArrayList<>();
        for (String written : addresses) {
            Address a = address(written.trim());
            if (first == null) {
                first = a;
            } else {
                if (a.type().isPresent() && first.type().isPresent()
                        && a.type().get() != first.type().get()) {
                    throw new IllegalArgumentException("its addresses disagree on the type: "
                            + first.type().get().configWord() + " and " + a.type().get().configWord());
                }
                unused.add(written.trim());
            }
        }
        Optional<InetSocketAddress> client = serverAndClient.length == 2
                && !serverAndClient[1].isBlank()
                ? Optional.of(client(serverAndClient[1].trim())) : Optional.empty();
        PeerType type = first.type().orElse(PeerType.PARTICIPANT);
        EnsembleMember member = new EnsembleMember(id,
                InetSocketAddress.createUnresolved(first.host(), first.quorumPort()),
                InetSocketAddress.createUnresolved(first.host(), first.electionPort()), client, type);
        return new Parsed(member, unused);
    }

    private record Address(String host, int quorumPort, int electionPort, Optional<PeerType> type) {
    }

    private static Address address(String s) {
        String[] parts = hostAndPorts(s);
        if (parts.length < 3 || parts.length > 4 || parts[0].isBlank()) {
            throw new IllegalArgumentException("'" + s + "' does not parse: " + SHAPE);
        }
        int quorum = port(parts[1], "quorum port");
        int election = port(parts[2], "election port");
        if (quorum == election) {
            throw new IllegalArgumentException("the quorum port and the election port are both "
                    + quorum + "; they must differ");
        }
        Optional<PeerType> type = parts.length == 4
                ? Optional.of(PeerType.parse(parts[3])) : Optional.empty();
        return new Address(host(parts[0]), quorum, election, type);
    }

    private static InetSocketAddress client(String s) {
        String[] parts = hostAndPorts(s);
        if (parts.length == 1) {
            return InetSocketAddress.createUnresolved("0.0.0.0", port(parts[0], "client port"));
        }
        if (parts.length != 2 || parts[0].isBlank()) {
            throw new IllegalArgumentException("the client part '" + s
                    + "' is neither a port nor host:port");
        }
        return InetSocketAddress.createUnresolved(host(parts[0]), port(parts[1], "client port"));
    }

    /**
     * An IPv6 literal in the canonical form ZooKeeper shows it in ({@code 0:0:0:0:0:0:0:1} for
     * {@code ::1}: its InetSocketAddress has no host name, so it prints the address); a name or
     * an IPv4 literal as written. Never asks DNS: a host with ':' can only be an IPv6 literal.
     */
    private static String host(String written) {
        if (!written.contains(":")) {
            return written;
        }
        try {
            return InetAddress.getByName(written).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + written + "' is not an IPv6 address");
        }
    }

    /** Splits at ':', keeping an IPv6 host written in brackets whole (ZooKeeper's ConfigUtils). */
    private static String[] hostAndPorts(String s) {
        if (!s.startsWith("[")) {
            return s.split(":", -1);
        }
        int close = s.indexOf(']');
        if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
            throw new IllegalArgumentException("'" + s + "' opens '[' without a matching ']:'");
        }
        String[] rest = s.substring(close + 2).split(":", -1);
        String[] out = new String[rest.length + 1];
        out[0] = s.substring(1, close);
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static int port(String s, String what) {
        int p;
        try {
            p = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + what + " '" + s + "' is not a number");
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("the " + what + " " + p + " is not a port number");
        }
        return p;
    }
}
