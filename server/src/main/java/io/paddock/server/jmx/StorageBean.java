package io.paddock.server.jmx;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.DirectorySizes;
import io.paddock.server.metrics.StorageStats;
import io.paddock.server.persistence.ServerStorage;
import io.paddock.storage.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@link StorageMXBean} over the server's storage. Thread-safe: reads live counters. */
final class StorageBean implements StorageMXBean {
    private final AdminSources s;

    StorageBean(AdminSources sources) {
        this.s = sources;
    }

    private StorageStats stats() {
        return s.stats().storage();
    }

    @Override
    public String getDataDir() {
        return s.config().dataDir().toAbsolutePath().toString();
    }

    @Override
    public String getDataLogDir() {
        return s.config().txnLogDir().toAbsolutePath().toString();
    }

    @Override
    public long getDataDirSize() {
        return DirectorySizes.of(s.config().dataDir());
    }

    @Override
    public long getLogDirSize() {
        return DirectorySizes.of(s.config().txnLogDir());
    }

    @Override
    public long getTxnLogBytesWritten() {
        return stats().txnLogBytesWritten();
    }

    @Override
    public long getFsyncCount() {
        return stats().fsyncTime().count();
    }

    @Override
    public double getAvgFsyncLatency() {
        return stats().fsyncTime().avgMs();
    }

    @Override
    public long getMaxFsyncLatency() {
        return stats().fsyncTime().maxMs();
    }

    @Override
    public long getFsyncThresholdExceedCount() {
        return stats().fsyncThresholdExceedCount();
    }

    @Override
    public String getLastSnapshotZxid() {
        return "0x" + Long.toHexString(newest().map(SnapshotStore::zxidOf).orElse(-1L));
    }

    @Override
    public String getLastSnapshotTime() {
        return newest().map(p -> {
            try {
                return Files.getLastModifiedTime(p).toInstant().toString();
            } catch (IOException e) {
                return ""; // purged since it was listed
            }
        }).orElse("");
    }

    private Optional<Path> newest() {
        try {
            List<Path> snaps = s.storage().snapshots().snapshots();
            return snaps.isEmpty() ? Optional.empty() : Optional.of(snaps.get(snaps.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots", e);
        }
    }

    @Override
    public String takeSnapshot() {
        ServerStorage storage = s.storage();
        if (!storage.snapshotNow()) {
            throw new IllegalStateException("no snapshot taken: one is being written, or"
                    + " writing it failed (see the server log)");
        }
        return "0x" + Long.toHexString(storage.lastSnapshotZxid());
    }
}
