package io.paddock.storage.log;

import io.paddock.storage.DirectorySync;
import io.paddock.storage.StorageFailureException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Every file operation that changes a {@link FileTxnLog}'s directory goes through this seam, so
 * tests can make any one of them fail (a channel whose force throws, a delete that fails) and
 * check that the log stops and that recovery copes. Reads do not go through it.
 *
 * <p>Implementations must be thread-safe; {@link #SYSTEM} is stateless.
 */
interface LogIo {

    /** The JDK's file operations. */
    LogIo SYSTEM = new LogIo() {
        @Override
        public FileChannel open(Path file, OpenOption... options) throws IOException {
            return FileChannel.open(file, options);
        }

        @Override
        public void delete(Path file) throws IOException {
            Files.deleteIfExists(file);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            DirectorySync.fsync(dir);
        }
    };

    /** Opens a file of the log for writing; writes, truncates and forces go through the channel. */
    FileChannel open(Path file, OpenOption... options) throws IOException;

    /** Deletes a file; a file already gone is not an error. */
    void delete(Path file) throws IOException;

    /** fsyncs a directory, so that files created, renamed or deleted in it stay so. */
    void syncDirectory(Path dir) throws IOException;

    /** One step that may fail. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    /** One step that may fail and has a result. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    /**
     * Runs a step, turning its IOException into a {@link StorageFailureException} that names the
     * file and the operation.
     */
    static void step(Path file, String operation, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new StorageFailureException(file, operation, String.valueOf(e), e);
        }
    }

    /** {@link #step} with a result. */
    static <T> T call(Path file, String operation, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new StorageFailureException(file, operation, String.valueOf(e), e);
        }
    }
}
