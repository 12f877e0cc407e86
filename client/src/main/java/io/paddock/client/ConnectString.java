package io.paddock.client;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed ZooKeeper connect string such as {@code "zk1:2181,zk2:2182,[::1]:2183/app"}: the servers
 * to try, and an optional chroot under which every path of the session lives.
 *
 * <p>Hosts stay unresolved: the connection resolves them when it tries each one, so a DNS change
 * between attempts is seen. A host without a port gets {@link #DEFAULT_PORT}. IPv6 literals go in
 * brackets. A chroot of {@code "/"} means no chroot, as in ZooKeeper.
 *
 * <p>Immutable and thread-safe.
 *
 * @param hosts the servers, in the order given; never empty
 * @param chroot the chroot path, if any; never {@code "/"}
 */
public record ConnectString(List<InetSocketAddress> hosts, Optional<String> chroot) {

    public static final int DEFAULT_PORT = 2181;

    public ConnectString {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a connect string needs at least one host");
        }
        Objects.requireNonNull(chroot, "chroot");
        chroot.ifPresent(PathValidator::validate);
        if (chroot.filter("/"::equals).isPresent()) {
            chroot = Optional.empty();
        }
    }

    /**
     * Parses {@code host[:port][,host[:port]...][/chroot]}. Whitespace around each host is ignored.
     *
     * @throws IllegalArgumentException naming the part that is wrong: an empty host, a bad port, an
     *     unclosed IPv6 bracket, an IPv6 literal without brackets, or an invalid chroot
     */
    public static ConnectString parse(String connectString) {
        Objects.requireNonNull(connectString, "connectString");
        int slash = connectString.indexOf('/');
        String hostList = slash < 0 ? connectString : connectString.substring(0, slash);
        Optional<String> chroot = slash < 0 ? Optional.empty()
                : Optional.of(connectString.substring(slash));
        if (hostList.isBlank()) {
            throw new IllegalArgumentException(
                    "no host in connect string \"" + connectString + "\"");
        }
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (String part : hostList.split(",", -1)) {
            hosts.add(parseHost(part.strip(), connectString));
        }
        return new ConnectString(hosts, chroot);
    }

    private static InetSocketAddress parseHost(String part, String whole) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty host in connect string \"" + whole + "\"");
        }
        String host;
        String port;
        if (part.startsWith("[")) {
            int close = part.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException(
                        "host \"" + part + "\" opens [ but never closes it");
            }
            host = part.substring(1, close);
            String rest = part.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException(
                        "host \"" + part + "\" has \"" + rest + "\" after ] instead of :port");
            }
            port = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = part.indexOf(':');
            if (colon >= 0 && part.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("host \"" + part
                        + "\" looks like an IPv6 address: write it as [address]:port");
            }
            host = colon < 0 ? part : part.substring(0, colon);
            port = colon < 0 ? null : part.substring(colon + 1);
        }
        if (host.isEmpty()
                || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '[' || c == ']')) {
            throw new IllegalArgumentException("bad host name in \"" + part + "\"");
        }
        int portNumber = port == null ? DEFAULT_PORT : parsePort(port, part);
        return InetSocketAddress.createUnresolved(host, portNumber);
    }

    private static int parsePort(String port, String part) {
        int value;
        try {
            value = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > 65535 || !port.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("bad port \"" + port + "\" in host \"" + part
                    + "\": expected a number from 1 to 65535");
        }
        return value;
    }

    /** The canonical form, each host with its port; {@link #parse} reads it back as an equal. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (InetSocketAddress address : hosts) {
            if (out.length() > 0) {
                out.append(',');
            }
            String host = address.getHostString();
            out.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                    .append(':')
                    .append(address.getPort());
        }
        chroot.ifPresent(out::append);
        return out.toString();
    }
}
