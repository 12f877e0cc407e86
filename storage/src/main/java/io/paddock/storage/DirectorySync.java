package io.paddock.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * fsync of a directory, so that a file created or renamed in it survives power loss (a new file's
 * own fsync does not persist its directory entry). Needs a platform that opens directories for
 * reading, as Linux and macOS do.
 *
 * <p>Thread-safe: stateless.
 */
public final class DirectorySync {
    private DirectorySync() {
    }

    public static void fsync(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
