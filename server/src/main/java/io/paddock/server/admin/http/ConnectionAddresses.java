package io.paddock.server.admin.http;

import java.net.InetSocketAddress;

/** A client's address as ZooKeeper prints it: ip:port, an IPv6 address in brackets. Stateless. */
public final class ConnectionAddresses {
    private ConnectionAddresses() {
    }

    public static String format(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
