package io.paddock.zab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.storage.log.Txn;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.Proposal;
import io.paddock.zab.quorum.MajorityQuorum;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in the middle of a SNAP install: the marker written first decides at the next start
 * whether the old log goes (the new state is durable) or stays (it is not).
 */
class InterruptedInstallTest {
    private static final FileTxnLogOptions OPTIONS = FileTxnLogOptions.defaults().withPreAllocSize(1 << 16);

    @TempDir
    Path dir;

    @Test
    void aDurableSnapshotWinsAndTheOldLogIsEmptied() throws Exception {
        logTxns(1, 2, 3);
        new InstallMarker(dir.resolve("zab/zab")).begin(10);
        RecordingStateMachine state = new RecordingStateMachine(dir.resolve("state"));
        state.install(new ByteArrayInputStream(snapshotAt(10)));

        PeerStorage storage = PeerStorage.open(dir.resolve("zab"), OPTIONS);
        try (ZabRuntime runtime = runtime(storage, new RecordingStateMachine(dir.resolve("state")))) {
            assertEquals(0, storage.log().lastFlushedZxid(), "the old log is gone");
            assertEquals(0, runtime.lastLogged());
            assertEquals(10, runtime.lastApplied());
        }
        assertFalse(Files.exists(dir.resolve("zab/zab").resolve(InstallMarker.FILE)));
    }

    @Test
    void withoutTheSnapshotTheOldStateAndLogStand() throws Exception {
        logTxns(1, 2, 3);
        new InstallMarker(dir.resolve("zab/zab")).begin(10);

        PeerStorage storage = PeerStorage.open(dir.resolve("zab"), OPTIONS);
        try (ZabRuntime runtime = runtime(storage, new RecordingStateMachine(dir.resolve("state")))) {
            assertEquals(3, runtime.lastLogged(), "the log stays");
            assertEquals(0, runtime.lastApplied());
        }
        assertFalse(Files.exists(dir.resolve("zab/zab").resolve(InstallMarker.FILE)));
    }

    private void logTxns(long... zxids) throws Exception {
        try (PeerStorage storage = PeerStorage.open(dir.resolve("zab"), OPTIONS)) {
            for (long z : zxids) {
                storage.log().append(new Txn(z, 1, new byte[] {(byte) z}));
            }
            storage.log().flush();
        }
    }

    private byte[] snapshotAt(long zxid) throws Exception {
        RecordingStateMachine source = new RecordingStateMachine(dir.resolve("source"));
        source.apply(new Proposal(zxid, 1, new byte[] {7}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.snapshot(out);
        return out.toByteArray();
    }

    private static ZabRuntime runtime(PeerStorage storage, StateMachine state) {
        PeerConfig peer = PeerConfig.defaults(1, new MajorityQuorum(Set.of(1L, 2L, 3L)), Set.of());
        return new ZabRuntime(new RuntimeConfig(peer, Duration.ofMillis(10)), storage, state,
                new NoTransport());
    }
}
