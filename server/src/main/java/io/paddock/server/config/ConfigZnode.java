package io.paddock.server.config;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The data of {@code /zookeeper/config} for an ensemble, byte for byte as ZooKeeper's
 * {@code QuorumMaj.toString()} writes it (zkCli's {@code config} command and Curator's
 * ensemble tracker read it): one line per member in id order,
 * {@code server.<id>=<host>:<quorumPort>:<electionPort>:<participant|observer>[;<clientHost>:<clientPort>]},
 * then {@code version=<hex>} with no newline after it. As in ZooKeeper, the client part appears
 * only for a member whose line gave one (a bare port shows as {@code 0.0.0.0:<port>}), and an
 * IPv6 host is written in brackets, in full ({@code [0:0:0:0:0:0:0:1]}, as the parser keeps it).
 *
 * <p>Stateless.
 */
public final class ConfigZnode {
    private ConfigZnode() {
    }

    /**
     * @param version the config's version: in ZooKeeper the zxid at which it was established
     *     (the first leader's NEWLEADER zxid for a config read from zoo.cfg)
     */
    public static String content(EnsembleConfig ensemble, long version) {
        StringBuilder sb = new StringBuilder();
        for (EnsembleMember m : ensemble.members()) {
            sb.append(m.key()).append('=')
                    .append(host(m.quorumAddress())).append(':').append(m.quorumAddress().getPort())
                    .append(':').append(m.electionAddress().getPort())
                    .append(':').append(m.type().configWord());
            m.clientAddress().ifPresent(c -> sb.append(';').append(host(c)).append(':')
                    .append(c.getPort()));
            sb.append('\n');
        }
        return sb.append("version=").append(Long.toHexString(version)).toString();
    }

    /** {@link #content} as the znode's bytes. */
    public static byte[] data(EnsembleConfig ensemble, long version) {
        return content(ensemble, version).getBytes(StandardCharsets.UTF_8);
    }

    private static String host(InetSocketAddress a) {
        String host = a.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
