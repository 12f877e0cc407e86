package io.paddock.server.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Bytes held under the data and log directories, as ZooKeeper's data_dir_size and
 * log_dir_size report them. Stateless.
 */
public final class DirectorySizes {
    private DirectorySizes() {
    }

    /** The total size of the regular files under {@code dir}; 0 if it does not exist. */
    public static long of(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(DirectorySizes::sizeOrZero).sum();
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir, e);
        } catch (UncheckedIOException e) {
            return 0; // a file went away while we walked: the next ask measures again
        }
    }

    private static long sizeOrZero(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.isRegularFile() ? a.size() : 0;
        } catch (IOException e) {
            return 0; // deleted by a purge since the walk listed it
        }
    }
}
