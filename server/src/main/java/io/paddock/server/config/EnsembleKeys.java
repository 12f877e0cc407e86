package io.paddock.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the ensemble keys of one zoo.cfg as the parser meets them: the {@code server.N} lines
 * (also from a {@code dynamicConfigFile}, as ZooKeeper 3.5+ writes them), {@code initLimit},
 * {@code syncLimit}, {@code peerType}, {@code standaloneEnabled} and the quorum transport keys.
 * Each value is checked where it stands, so an error names its line; {@link EnsembleResolver}
 * then decides whether they make an ensemble.
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class EnsembleKeys {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleKeys.class);

    /**
     * A {@code server.N} line and where it was written.
     *
     * @param where the file and line, for error messages
     */
    record ServerLine(EnsembleMember member, String key, String where) {
    }

    private final Map<String, BiConsumer<EnsembleKeys, String>> keys = Map.ofEntries(
            Map.entry("initLimit", (e, v) -> e.initLimit = limit(v)),
            Map.entry("syncLimit", (e, v) -> e.syncLimit = limit(v)),
            Map.entry("peerType", (e, v) -> e.peerType = PeerType.parse(v)),
            Map.entry("standaloneEnabled", (e, v) -> e.standaloneEnabled = ZooCfgParser.bool(v)),
            Map.entry("quorumListenOnAllIPs", (e, v) -> e.quorumListenOnAllIPs = ZooCfgParser.bool(v)),
            Map.entry("electionPortBindRetry", (e, v) -> e.electionPortBindRetry = bindRetry(v)),
            Map.entry("cnxTimeout", (e, v) -> e.cnxTimeoutMs = ZooCfgParser.positiveInt(v)),
            Map.entry("readonlymode.enabled", (e, v) -> e.readOnlyMode = ZooCfgParser.bool(v)),
            Map.entry("paddock.sync.maxDiffTxns", (e, v) -> e.syncMaxDiffTxns = ZooCfgParser.nonNegativeInt(v)),
            Map.entry("dynamicConfigFile", (e, v) -> e.dynamicConfigFile = Path.of(v)));

    private final Map<Long, ServerLine> servers = new HashMap<>();
    private final Map<String, String> whereOf = new HashMap<>();
    private final List<String> hierarchicalKeys = new ArrayList<>();
    private Integer initLimit;
    private Integer syncLimit;
    private PeerType peerType;
    private boolean standaloneEnabled = true;
    private boolean quorumListenOnAllIPs;
    private boolean readOnlyMode;
    private int syncMaxDiffTxns = EnsembleConfig.DEFAULT_SYNC_MAX_DIFF_TXNS;
    private int electionPortBindRetry = EnsembleConfig.DEFAULT_ELECTION_PORT_BIND_RETRY;
    private int cnxTimeoutMs = EnsembleConfig.DEFAULT_CNX_TIMEOUT_MS;
    private Path dynamicConfigFile;

    /** Whether {@code key} is an ensemble key this class reads. */
    boolean handles(String key) {
        return keys.containsKey(key) || ServerLineParser.isServerKey(key) || isHierarchical(key);
    }

    private static boolean isHierarchical(String key) {
        return key.startsWith("group.") || key.startsWith("weight.");
    }

    /** Records one entry; {@code where} names its file and line. */
    void apply(String key, String value, String where) {
        whereOf.put(key, where);
        if (isHierarchical(key)) {
            hierarchicalKeys.add(key);
            return;
        }
        if (value.isEmpty()) {
            throw new ConfigException(where + ": " + key + " has no value");
        }
        try {
            if (ServerLineParser.isServerKey(key)) {
                addServer(key, value, where);
            } else {
                keys.get(key).accept(this, value);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + key + "=" + value + " is invalid: "
                    + e.getMessage());
        }
    }

    /** Notes where a key read elsewhere (clientPort) was set, for ensemble errors about it. */
    void located(String key, String where) {
        whereOf.put(key, where);
    }

    private void addServer(String key, String value, String where) {
        long id = ServerLineParser.id(key);
        ServerLineParser.Parsed parsed = ServerLineParser.parse(id, value);
        ServerLine earlier = servers.get(id);
        if (earlier != null) {
            throw new IllegalArgumentException("server id " + id + " is already given by "
                    + earlier.key() + " (" + earlier.where() + ")");
        }
        for (String unused : parsed.unusedAddresses()) {
            LOG.warn("{}: {}: Paddock uses the first address only; {} is not used", where, key, unused);
        }
        servers.put(id, new ServerLine(parsed.member(), key, where));
    }

    /**
     * Reads the server lines of {@code dynamicConfigFile}, if one was named, as ZooKeeper does
     * when its static file points to one: only {@code server.N}, {@code group}, {@code weight}
     * and {@code version} may appear there, and the static file may then hold no server lines.
     */
    void loadDynamicConfigFile() {
        if (dynamicConfigFile == null) {
            return;
        }
        if (!servers.isEmpty() || !hierarchicalKeys.isEmpty()) {
            throw new ConfigException(whereOf.get("dynamicConfigFile")
                    + ": with dynamicConfigFile set, the server.N lines belong in that file");
        }
        String text;
        try {
            text = Files.readString(dynamicConfigFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException(whereOf.get("dynamicConfigFile") + ": dynamicConfigFile "
                    + dynamicConfigFile + " cannot be read: " + e);
        }
        for (ZooCfgReader.Entry e : ZooCfgReader.read(dynamicConfigFile.toString(), text)) {
            String where = dynamicConfigFile + " line " + e.line();
            if (e.key().equals("version")) {
                continue;
            }
            if (!ServerLineParser.isServerKey(e.key()) && !isHierarchical(e.key())) {
                throw new ConfigException(where + ": " + e.key()
                        + " does not belong in a dynamic config file");
            }
            apply(e.key(), e.value(), where);
        }
    }

    List<ServerLine> servers() {
        return servers.values().stream()
                .sorted((a, b) -> Long.compare(a.member().id(), b.member().id())).toList();
    }

    /** Where {@code key} was set (its file and line), if it was. */
    Optional<String> where(String key) {
        return Optional.ofNullable(whereOf.get(key));
    }

    List<String> hierarchicalKeys() {
        return hierarchicalKeys;
    }

    Optional<Integer> initLimit() {
        return Optional.ofNullable(initLimit);
    }

    Optional<Integer> syncLimit() {
        return Optional.ofNullable(syncLimit);
    }

    Optional<PeerType> peerType() {
        return Optional.ofNullable(peerType);
    }

    boolean standaloneEnabled() {
        return standaloneEnabled;
    }

    int syncMaxDiffTxns() {
        return syncMaxDiffTxns;
    }

    boolean readOnlyMode() {
        return readOnlyMode;
    }

    boolean quorumListenOnAllIPs() {
        return quorumListenOnAllIPs;
    }

    int electionPortBindRetry() {
        return electionPortBindRetry;
    }

    int cnxTimeoutMs() {
        return cnxTimeoutMs;
    }

    private static int limit(String v) {
        int n = ZooCfgParser.positiveInt(v);
        if (n > EnsembleConfig.MAX_LIMIT) {
            throw new IllegalArgumentException("must be at most " + EnsembleConfig.MAX_LIMIT);
        }
        return n;
    }

    /** ZooKeeper takes a negative retry count as its default, with a warning. */
    private static int bindRetry(String v) {
        int n = ZooCfgParser.anyInt(v);
        if (n < 0) {
            LOG.warn("electionPortBindRetry={} must be >= 0; using {}", n,
                    EnsembleConfig.DEFAULT_ELECTION_PORT_BIND_RETRY);
            return EnsembleConfig.DEFAULT_ELECTION_PORT_BIND_RETRY;
        }
        return n;
    }
}
