package io.paddock.server.config;

import io.paddock.server.config.EnsembleKeys.ServerLine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, with ZooKeeper's rules (QuorumPeerConfig.parseDynamicConfig, setupMyId,
 * setupClientPort, checkValidity), whether a parsed zoo.cfg is a standalone server or a member
 * of an ensemble, and builds its {@link EnsembleConfig}:
 * <ul>
 *   <li>no participant line: standalone (observers alone, or standaloneEnabled=false, refused);
 *   <li>one participant line and standaloneEnabled=true (the default): standalone, as
 *       ZooKeeper does for the single server line HBase writes (observers then refused);
 *   <li>otherwise an ensemble: initLimit, syncLimit and a myid file naming one of the lines are
 *       required, peerType must agree with that line, no two endpoints may collide, and an even
 *       number of participants is allowed with a warning.
 * </ul>
 * A server line with a client part gives this server its client address, which must then agree
 * with clientPort and clientPortAddress if those are set too.
 *
 * <p>Stateless apart from its inputs; one instance per parse.
 */
final class EnsembleResolver {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleResolver.class);

    private final EnsembleKeys keys;
    private final String source;

    /** @param source names the zoo.cfg in messages that belong to no single line */
    EnsembleResolver(EnsembleKeys keys, String source) {
        this.keys = keys;
        this.source = source;
    }

    /**
     * @param staticClientPort whether zoo.cfg set clientPort itself
     * @return {@code base}, with the ensemble and this server's client address when they apply
     */
    ServerConfig resolve(ServerConfig base, boolean staticClientPort) {
        keys.loadDynamicConfigFile();
        List<ServerLine> lines = keys.servers();
        Optional<ServerConfig> standalone = standalone(base, lines, staticClientPort);
        if (standalone.isPresent()) {
            for (String key : keys.hierarchicalKeys()) {
                LOG.info("{}: {} is not used by a standalone server; ignored", keyWhere(key), key);
            }
            return standalone.get();
        }
        long participants = lines.stream().filter(l -> l.member().isParticipant()).count();
        return ensemble(base, lines, participants, staticClientPort);
    }

    /** The standalone config, or empty when the lines make an ensemble. */
    private Optional<ServerConfig> standalone(ServerConfig base, List<ServerLine> lines,
            boolean staticClientPort) {
        long participants = lines.stream().filter(l -> l.member().isParticipant()).count();
        boolean observers = lines.stream().anyMatch(l -> l.member().isObserver());
        if (participants == 0) {
            if (!keys.standaloneEnabled()) {
                throw new ConfigException(keyWhere("standaloneEnabled")
                        + ": standaloneEnabled=false needs at least one participant server.N line");
            }
            if (observers) {
                throw new ConfigException(source + ": server.N: observers without a participant"
                        + " cannot form an ensemble; at least one line must be a participant");
            }
            return Optional.of(base);
        }
        if (participants == 1 && keys.standaloneEnabled()) {
            if (observers) {
                throw new ConfigException(source + ": server.N: observers need an ensemble, but one"
                        + " participant with standaloneEnabled=true runs standalone");
            }
            LOG.info("{}: one server.N line and standaloneEnabled=true: running standalone", source);
            Optional<Long> myId = readMyId(base.dataDir(), false);
            return Optional.of(withOwnClientAddress(base, myId.flatMap(id -> line(lines, id)),
                    staticClientPort));
        }
        return Optional.empty();
    }

    private ServerConfig ensemble(ServerConfig base, List<ServerLine> lines, long participants,
            boolean staticClientPort) {
        if (!keys.hierarchicalKeys().isEmpty()) {
            throw new ConfigException(keyWhere(keys.hierarchicalKeys().get(0)) + ": "
                    + keys.hierarchicalKeys().get(0) + ": hierarchical quorums (group.N, weight.N)"
                    + " are not supported; remove them for a majority quorum of the participants");
        }
        int initLimit = keys.initLimit().orElseThrow(() -> new ConfigException(source
                + ": initLimit is not set; an ensemble needs it (ZooKeeper's sample uses 10)"));
        int syncLimit = keys.syncLimit().orElseThrow(() -> new ConfigException(source
                + ": syncLimit is not set; an ensemble needs it (ZooKeeper's sample uses 5)"));
        long myId = readMyId(base.dataDir(), true).orElseThrow();
        ServerLine self = line(lines, myId).orElseThrow(() -> new ConfigException(source
                + ": myid " + myId + " (in " + base.dataDir().resolve("myid")
                + ") is not among the server.N lines " + lines.stream().map(ServerLine::key).toList()));
        checkPeerType(self);
        if (participants <= 2) {
            LOG.warn("{}: {} participants: no server failure will be tolerated; you need at"
                    + " least 3 servers", source, participants);
        } else if (participants % 2 == 0) {
            LOG.warn("{}: {} participants: an even number tolerates no more failures than {};"
                    + " consider an odd number of servers", source, participants, participants - 1);
        }
        ServerConfig withClient = withOwnClientAddress(base, Optional.of(self), staticClientPort);
        EndpointCollisions.check(lines, myId, withClient.clientAddress(),
                keys.where("clientPort").orElse(source));
        EnsembleConfig ensemble = new EnsembleConfig(myId,
                lines.stream().map(ServerLine::member).toList(), initLimit, syncLimit,
                keys.quorumListenOnAllIPs(), keys.electionPortBindRetry(), keys.cnxTimeoutMs(),
                keys.readOnlyMode(), keys.syncMaxDiffTxns());
        LOG.info("{}: {}", source, ensemble.describe());
        return withClient.toBuilder().ensemble(ensemble).build();
    }

    private static Optional<ServerLine> line(List<ServerLine> lines, long id) {
        return lines.stream().filter(l -> l.member().id() == id).findFirst();
    }

    private void checkPeerType(ServerLine self) {
        Optional<PeerType> declared = keys.peerType();
        if (declared.isPresent() && declared.get() != self.member().type()) {
            throw new ConfigException(keyWhere("peerType") + ": peerType="
                    + declared.get().configWord() + " disagrees with " + self.key() + " ("
                    + self.where() + "), which makes this server " + self.member().type().configWord()
                    + "; make them agree");
        }
    }

    private String keyWhere(String key) {
        return keys.where(key).orElse(source);
    }

    /**
     * This server's id from {@code dataDir/myid}: the first line, an ASCII number, blanks
     * around it ignored.
     *
     * @param required whether a missing file is an error (in an ensemble) or just no id
     */
    private Optional<Long> readMyId(Path dataDir, boolean required) {
        Path file = dataDir.resolve("myid");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new ConfigException(source + ": myid file " + file + " is missing; each"
                        + " server of an ensemble needs one in its dataDir holding its N of server.N");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new ConfigException(source + ": myid file " + file + " cannot be read: " + e);
        }
        String first = text.lines().findFirst().orElse("").trim();
        try {
            long id = Long.parseLong(first);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(id);
        } catch (NumberFormatException e) {
            throw new ConfigException(source + ": myid file " + file + " holds '" + first
                    + "', not a server id (a number, the N of this server's server.N line)");
        }
    }

    /**
     * A client part in this server's line is where it serves clients. ZooKeeper refuses a
     * static clientPort (and clientPortAddress) that says otherwise: a specific address must be
     * the same, the wildcard address must at least have the same port.
     */
    private ServerConfig withOwnClientAddress(ServerConfig base, Optional<ServerLine> self,
            boolean staticClientPort) {
        if (self.isEmpty() || self.get().member().clientAddress().isEmpty()) {
            return base;
        }
        InetSocketAddress written = self.get().member().clientAddress().get();
        InetSocketAddress line = new InetSocketAddress(written.getHostString(), written.getPort());
        InetSocketAddress configured = base.clientAddress();
        if (staticClientPort && !agree(configured, line)) {
            throw new ConfigException(keyWhere("clientPort") + ": clientPort and clientPortAddress"
                    + " make " + EndpointCollisions.show(configured) + " but " + self.get().key()
                    + " (" + self.get().where() + ") gives this server the client address "
                    + EndpointCollisions.show(written) + "; make them agree or drop one");
        }
        return base.toBuilder().clientAddress(line).build();
    }

    private static boolean agree(InetSocketAddress configured, InetSocketAddress line) {
        if (configured.getAddress() != null && configured.getAddress().isAnyLocalAddress()) {
            return configured.getPort() == line.getPort();
        }
        if (configured.isUnresolved() || line.isUnresolved()) {
            return configured.getHostString().equalsIgnoreCase(line.getHostString())
                    && configured.getPort() == line.getPort();
        }
        return configured.equals(line);
    }
}
