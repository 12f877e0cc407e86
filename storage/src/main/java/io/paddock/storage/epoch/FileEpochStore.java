package io.paddock.storage.epoch;

import io.paddock.storage.DirectorySync;
import io.paddock.storage.StorageCorruptionException;
import io.paddock.storage.StorageFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * {@link EpochStore} in two files, as ZooKeeper keeps them: {@code acceptedEpoch} and
 * {@code currentEpoch}, each holding the epoch as ASCII decimal digits (one trailing newline is
 * accepted on reading, none is written).
 *
 * <p><b>Writing</b> a file is atomic: the digits go to {@code <name>.tmp}, which is fsynced and
 * renamed over the file, and then the directory is fsynced. A crash leaves the old or the new
 * value, never a torn one; a leftover {@code .tmp} file is ignored and overwritten by the next
 * write. (ZooKeeper 3.9 reads {@code currentEpoch.tmp} in one case, when the last logged zxid's
 * epoch is above {@code currentEpoch}; Paddock does not, because the rename decides whether a
 * write happened.)
 *
 * <p><b>Reading</b> at {@link #open}:
 * <ul>
 *   <li>neither file: a fresh server, both epochs 0;
 *   <li>only {@code acceptedEpoch}: {@code currentEpoch} is 0, the state a crash between the two
 *       first writes leaves ({@code acceptedEpoch} is always written first);
 *   <li>only {@code currentEpoch}: refused with {@link StorageCorruptionException} naming
 *       {@code acceptedEpoch}. This store never deletes {@code acceptedEpoch}, so someone did,
 *       and the promise it held cannot be rebuilt. ZooKeeper instead recreates each missing file
 *       from the epoch of the last logged zxid (meant for upgrades from versions without the
 *       files); that needs the log, and an upgrade path this store does not have;
 *   <li>a file that is empty, not decimal digits, negative, out of range or followed by anything
 *       but one newline, or {@code currentEpoch > acceptedEpoch} (which ZooKeeper refuses too):
 *       {@link StorageCorruptionException} naming the file.
 * </ul>
 * Comparing {@code currentEpoch} with the epoch of the last logged zxid, as ZooKeeper's
 * {@code QuorumPeer.loadDataBase} does, is left to the caller, which has the log.
 *
 * <p>Fail-stop: once a write fails, the in-memory epochs stay at what was last made durable and
 * every later write throws {@link StorageFailureException}.
 *
 * <p>Thread-safe: writes are synchronized; reads see the last durable value.
 */
public final class FileEpochStore implements EpochStore {
    public static final String ACCEPTED_EPOCH_FILE = "acceptedEpoch";
    public static final String CURRENT_EPOCH_FILE = "currentEpoch";
    public static final String TEMP_SUFFIX = ".tmp";
    /** Longer than any long in decimal plus a CRLF. */
    private static final int MAX_FILE_SIZE = 32;

    private final Path dir;
    private volatile long acceptedEpoch;
    private volatile long currentEpoch;
    private volatile StorageFailureException failure;

    private FileEpochStore(Path dir, long acceptedEpoch, long currentEpoch) {
        this.dir = dir;
        this.acceptedEpoch = acceptedEpoch;
        this.currentEpoch = currentEpoch;
    }

    /**
     * Reads the epochs in {@code dir}, creating the directory if missing; see the class comment.
     *
     * @throws StorageCorruptionException if a file is not a valid epoch, or the pair is not
     */
    public static FileEpochStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path acceptedFile = dir.resolve(ACCEPTED_EPOCH_FILE);
        Path currentFile = dir.resolve(CURRENT_EPOCH_FILE);
        OptionalLong accepted = read(acceptedFile);
        OptionalLong current = read(currentFile);
        if (current.isPresent() && accepted.isEmpty()) {
            throw new StorageCorruptionException(acceptedFile, 0, -1, "missing while "
                    + currentFile + " exists; acceptedEpoch is written first and never deleted,"
                    + " so the promise it held is lost. If you know it, write it back (at least "
                    + current.getAsLong() + ")");
        }
        long a = accepted.orElse(0);
        long c = current.orElse(0);
        if (c > a) {
            throw new StorageCorruptionException(currentFile, 0, -1, "currentEpoch " + c
                    + " is above acceptedEpoch " + a + " in " + acceptedFile);
        }
        return new FileEpochStore(dir, a, c);
    }

    /** The directory the files are in. */
    public Path directory() {
        return dir;
    }

    @Override
    public long acceptedEpoch() {
        return acceptedEpoch;
    }

    @Override
    public long currentEpoch() {
        return currentEpoch;
    }

    @Override
    public synchronized void write(long accepted, long current) {
        StorageFailureException first = failure;
        if (first != null) {
            throw new StorageFailureException(first.file(), first.operation(),
                    "the epoch store in " + dir + " stopped at that failure", first);
        }
        EpochRules.checkWrite(acceptedEpoch, currentEpoch, accepted, current);
        if (accepted != acceptedEpoch) {
            writeFile(ACCEPTED_EPOCH_FILE, accepted);
            acceptedEpoch = accepted;
        }
        if (current != currentEpoch) {
            writeFile(CURRENT_EPOCH_FILE, current);
            currentEpoch = current;
        }
    }

    private void writeFile(String name, long value) {
        Path target = dir.resolve(name);
        Path temp = dir.resolve(name + TEMP_SUFFIX);
        Path at = temp;
        String operation = "write";
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer digits = ByteBuffer.wrap(
                        Long.toString(value).getBytes(StandardCharsets.US_ASCII));
                while (digits.hasRemaining()) {
                    ch.write(digits);
                }
                operation = "fsync";
                ch.force(true);
            }
            operation = "rename to " + name;
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            at = dir;
            operation = "fsync directory";
            DirectorySync.fsync(dir);
        } catch (IOException e) {
            StorageFailureException failed = new StorageFailureException(at, operation,
                    "cannot make " + name + " = " + value + " durable: " + e, e);
            failure = failed;
            throw failed;
        }
    }

    /** The epoch in a file, or empty if there is no such file. */
    static OptionalLong read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_SIZE + 1);
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
        int end = bytes.length;
        if (end > MAX_FILE_SIZE) {
            throw new StorageCorruptionException(file, MAX_FILE_SIZE, -1,
                    "longer than any epoch (" + MAX_FILE_SIZE + " bytes)");
        }
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
        }
        return OptionalLong.of(parse(file, bytes, end));
    }

    private static long parse(Path file, byte[] bytes, int end) {
        if (end == 0) {
            throw new StorageCorruptionException(file, 0, -1, "empty; an epoch is ASCII decimal"
                    + " digits");
        }
        if (bytes[0] == '-') {
            throw new StorageCorruptionException(file, 0, -1, "a negative epoch");
        }
        for (int i = 0; i < end; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                throw new StorageCorruptionException(file, i, -1, "byte 0x"
                        + Integer.toHexString(bytes[i] & 0xff) + " where an epoch has only"
                        + " ASCII decimal digits (and at most one trailing newline)");
            }
        }
        try {
            return Long.parseLong(new String(bytes, 0, end, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new StorageCorruptionException(file, 0, -1, "epoch out of range");
        }
    }

    @Override
    public String toString() {
        return "FileEpochStore[dir=" + dir + ", acceptedEpoch=" + acceptedEpoch
                + ", currentEpoch=" + currentEpoch + "]";
    }
}
