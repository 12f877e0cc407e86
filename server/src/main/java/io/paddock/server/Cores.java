package io.paddock.server;

import io.paddock.server.config.ConfigZnode;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.ensemble.EnsemblePeer;
import io.paddock.server.persistence.ServerStorage;
import io.paddock.server.pipeline.PipelineSettings;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.server.request.ReadRequestProcessor;
import io.paddock.server.request.RequestPreparer;
import io.paddock.storage.epoch.EpochStore;
import io.paddock.storage.log.TxnLog;
import io.paddock.zab.EpochState;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.ZabPeer;
import io.paddock.zab.Zxids;
import io.paddock.zab.quorum.MajorityQuorum;
import io.paddock.zab.runtime.PeerDriver;
import io.paddock.zab.runtime.StorageLogView;
import io.paddock.zab.runtime.ZxidCounter;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds what decides which txns are committed, over the recovered storage: the ZAB core alone
 * (a standalone server is the leader of an ensemble of one) or a member of an ensemble on the
 * network. Called once, at construction.
 */
final class Cores {
    private static final Logger LOG = LoggerFactory.getLogger(Cores.class);
    private static final long SELF_ID = 1;

    private Cores() {
    }

    /** The standalone pipeline around a core that commits what it persists. */
    static RequestPipeline standalonePipeline(ServerStorage storage, TxnLog log,
            RequestPreparer preparer, ReadRequestProcessor reads, PipelineSettings settings) {
        PeerConfig alone = PeerConfig.defaults(SELF_ID, new MajorityQuorum(Set.of(SELF_ID)),
                Set.of());
        ZxidCounter zxids = new ZxidCounter(storage.tree().lastProcessedZxid(), alone.maxCounter());
        PeerDriver driver = standalonePeer(alone, storage, log, zxids);
        return new RequestPipeline(storage.tree(), preparer, reads, storage.sessions(), log, driver,
                zxids, System::currentTimeMillis, settings);
    }

    /** [ensemble] This server's peer, its epochs raised to its data, its tree told the members. */
    static EnsemblePeer ensemblePeer(ServerConfig config, ServerStorage storage, TxnLog log) {
        raiseEpochsToTheData(storage.epochs(), Math.max(storage.tree().lastProcessedZxid(),
                log.lastFlushedZxid()));
        EnsemblePeer peer = new EnsemblePeer(config, storage, log);
        // Each ZooKeeper server writes the membership into its own tree, not by a txn.
        storage.tree().setConfig(ConfigZnode.data(config.ensemble().orElseThrow(), 0), 0,
                System.currentTimeMillis());
        storage.sessions().recordTouches();
        return peer;
    }

    /**
     * The standalone server is the leader of an ensemble of one: the same ZAB core decides what
     * is committed, and establishes a new epoch at every start (so zxids continue in epoch + 1).
     */
    static PeerDriver standalonePeer(PeerConfig peer, ServerStorage storage, TxnLog log,
            ZxidCounter zxids) {
        EpochStore epochs = storage.epochs();
        long applied = storage.tree().lastProcessedZxid();
        raiseEpochsToTheData(epochs, Math.max(applied, log.lastFlushedZxid()));
        ZabPeer core = new ZabPeer(peer,
                new EpochState(epochs.acceptedEpoch(), epochs.currentEpoch()),
                new StorageLogView(log), applied, new SplittableRandom(peer.myId()));
        PeerDriver driver = new PeerDriver(core, log, storage.committedWindow(),
                e -> epochs.write(e.acceptedEpoch(), e.currentEpoch()),
                m -> {
                    throw new IllegalStateException("a standalone server has no peer for " + m);
                }, zxids, applied);
        driver.establishAlone();
        LOG.info("ZAB: {}", driver.describe());
        return driver;
    }

    /**
     * ZAB keeps acceptedEpoch at least the epoch of every logged zxid; data that came from
     * elsewhere (a ZooKeeper data directory imported, a Paddock directory from before the epoch
     * files) may not have epoch files that say so. Without this the next epoch could be lower
     * than the data's and zxids would go backwards. ZooKeeper's loadDataBase does the same for
     * a missing currentEpoch.
     */
    static void raiseEpochsToTheData(EpochStore epochs, long lastZxid) {
        long dataEpoch = Zxids.epoch(lastZxid);
        if (epochs.acceptedEpoch() < dataEpoch || epochs.currentEpoch() < dataEpoch) {
            LOG.info("epoch files say accepted {} / current {} but the data reaches zxid 0x{}:"
                    + " raising both to {}", epochs.acceptedEpoch(), epochs.currentEpoch(),
                    Long.toHexString(lastZxid), dataEpoch);
            epochs.write(Math.max(epochs.acceptedEpoch(), dataEpoch),
                    Math.max(epochs.currentEpoch(), dataEpoch));
        }
    }

}
