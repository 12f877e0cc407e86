package io.paddock.storage.epoch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.StorageCorruptionException;
import io.paddock.storage.StorageFailureException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileEpochStoreTest extends EpochStoreContract {
    @TempDir
    Path dir;

    @Override
    protected EpochStore newStore() throws Exception {
        return EpochStore.open(dir.resolve("epochs"));
    }

    private Path epochs() {
        return dir.resolve("epochs");
    }

    private Path file(String name) {
        return epochs().resolve(name);
    }

    private void put(String name, String content) throws Exception {
        Files.writeString(file(name), content, StandardCharsets.US_ASCII);
    }

    @Test
    void epochsSurviveAReopenInZooKeepersFormat() throws Exception {
        store.write(12, 11);

        EpochStore reopened = EpochStore.open(epochs());

        assertEquals(12, reopened.acceptedEpoch());
        assertEquals(11, reopened.currentEpoch());
        assertEquals("12", Files.readString(file(FileEpochStore.ACCEPTED_EPOCH_FILE)));
        assertEquals("11", Files.readString(file(FileEpochStore.CURRENT_EPOCH_FILE)));
    }

    @Test
    void aFreshDirectoryIsCreatedAndHoldsNoFileUntilTheFirstWrite() throws Exception {
        assertTrue(Files.isDirectory(epochs()));
        try (Stream<Path> files = Files.list(epochs())) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void onlyChangedFilesAreWrittenAcceptedEpochFirst() throws Exception {
        store.write(1, 0);
        assertFalse(Files.exists(file(FileEpochStore.CURRENT_EPOCH_FILE)),
                "currentEpoch did not change, so it was not written");
        // Same value, other bytes: a rewrite would replace them with "1".
        put(FileEpochStore.ACCEPTED_EPOCH_FILE, "1\n");

        store.write(1, 1);

        assertEquals("1\n", Files.readString(file(FileEpochStore.ACCEPTED_EPOCH_FILE)));
        assertEquals("1", Files.readString(file(FileEpochStore.CURRENT_EPOCH_FILE)));
    }

    @Test
    void onlyAcceptedEpochOnDiskMeansCurrentEpoch0() throws Exception {
        put(FileEpochStore.ACCEPTED_EPOCH_FILE, "4");

        EpochStore reopened = EpochStore.open(epochs());

        assertEquals(4, reopened.acceptedEpoch());
        assertEquals(0, reopened.currentEpoch());
    }

    @Test
    void onlyCurrentEpochOnDiskIsRefusedNamingTheMissingFile() throws Exception {
        put(FileEpochStore.CURRENT_EPOCH_FILE, "4");

        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> EpochStore.open(epochs()));

        assertEquals(file(FileEpochStore.ACCEPTED_EPOCH_FILE), e.file());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void currentEpochAboveAcceptedEpochOnDiskIsRefused() throws Exception {
        put(FileEpochStore.ACCEPTED_EPOCH_FILE, "4");
        put(FileEpochStore.CURRENT_EPOCH_FILE, "5");

        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> EpochStore.open(epochs()));

        assertEquals(file(FileEpochStore.CURRENT_EPOCH_FILE), e.file());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-3", "7x", "7\n8", " 7", "7 ", "7\n\n",
            "99999999999999999999", "0x10", "3.0"})
    void aCorruptEpochFileIsRefusedNamingIt(String content) throws Exception {
        put(FileEpochStore.ACCEPTED_EPOCH_FILE, "9");
        put(FileEpochStore.CURRENT_EPOCH_FILE, content);

        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> EpochStore.open(epochs()));

        assertEquals(file(FileEpochStore.CURRENT_EPOCH_FILE), e.file());
        assertTrue(e.getMessage().startsWith(file(FileEpochStore.CURRENT_EPOCH_FILE).toString()),
                e.getMessage());
    }

    @Test
    void aTrailingNewlineIsAccepted() throws Exception {
        put(FileEpochStore.ACCEPTED_EPOCH_FILE, "9\n");
        put(FileEpochStore.CURRENT_EPOCH_FILE, "8\r\n");

        EpochStore reopened = EpochStore.open(epochs());

        assertEquals(9, reopened.acceptedEpoch());
        assertEquals(8, reopened.currentEpoch());
    }

    @Test
    void aLeftoverTempFileIsIgnoredAndReplacedByTheNextWrite() throws Exception {
        store.write(3, 2);
        // A crash after writing the temporary file and before the rename leaves this.
        put(FileEpochStore.CURRENT_EPOCH_FILE + FileEpochStore.TEMP_SUFFIX, "garbage");
        put(FileEpochStore.ACCEPTED_EPOCH_FILE + FileEpochStore.TEMP_SUFFIX, "9");

        EpochStore reopened = EpochStore.open(epochs());
        assertEquals(3, reopened.acceptedEpoch());
        assertEquals(2, reopened.currentEpoch());

        reopened.write(3, 3);
        assertFalse(Files.exists(file(FileEpochStore.CURRENT_EPOCH_FILE
                + FileEpochStore.TEMP_SUFFIX)), "renamed into place");
        assertEquals(3, EpochStore.open(epochs()).currentEpoch());
    }

    @Test
    void aFailedWriteStopsTheStoreAndKeepsTheDurableEpochs() throws Exception {
        store.write(2, 1);
        deleteTree(epochs());

        StorageFailureException e = assertThrows(StorageFailureException.class,
                () -> store.write(3, 1));

        assertEquals(file(FileEpochStore.ACCEPTED_EPOCH_FILE + FileEpochStore.TEMP_SUFFIX),
                e.file());
        assertEquals("write", e.operation());
        assertEquals(2, store.acceptedEpoch());
        Files.createDirectories(epochs());
        assertThrows(StorageFailureException.class, () -> store.write(3, 1),
                "fail-stop: no retry once a write failed");
        assertEquals(2, store.acceptedEpoch());
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
