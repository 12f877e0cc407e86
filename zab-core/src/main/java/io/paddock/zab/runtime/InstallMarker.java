package io.paddock.zab.runtime;

import io.paddock.storage.DirectorySync;
import io.paddock.zab.Zxids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Makes a SNAP install crash-safe. Installing replaces the state and the log; the state must be
 * durable before the log is emptied (a learner that lost its log but kept its old state could
 * forget txns it acknowledged), and a crash between the two must not leave the old log, with txns
 * the snapshot's history may not hold, in front of the new state. So the install writes this
 * marker (file {@code snapshot-install}, the zxid in hex) first, then installs the state, then
 * empties the log, then deletes the marker. At start a marker left behind is finished: if the
 * state machine holds the snapshot, the log is emptied; otherwise the old state and log stand.
 *
 * <p>Not thread-safe: used by the driver thread, and at start before it runs.
 */
final class InstallMarker {
    static final String FILE = "snapshot-install";

    private final Path dir;
    private final Path file;

    InstallMarker(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
    }

    /** Durably records that a snapshot at {@code zxid} is being installed. */
    void begin(long zxid) {
        Path temp = dir.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(Long.toHexString(zxid)
                        .getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            DirectorySync.fsync(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the install marker " + file + " for "
                    + Zxids.toHexString(zxid), e);
        }
    }

    /** The install is complete (or abandoned): the marker goes, durably. */
    void finish() {
        try {
            if (Files.deleteIfExists(file)) {
                DirectorySync.fsync(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the install marker " + file, e);
        }
    }

    /** The zxid of an install a crash interrupted, if any. */
    OptionalLong pending() {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return OptionalLong.of(Long.parseUnsignedLong(text, 16));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the install marker " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": not a hex zxid; an interrupted snapshot"
                    + " install left it. Delete it only if the state machine holds no snapshot"
                    + " newer than the txn log", e);
        }
    }
}
