package io.paddock.storage;

import java.nio.file.Path;

/**
 * A write, fsync, rename or delete of durable state failed, and the component that did it has
 * stopped for good (fail-stop). After a failed fsync the kernel may already have dropped the dirty
 * pages and cleared the error, so a retry can "succeed" without the data ever reaching the disk
 * (the 2018 "fsyncgate" finding); nothing that failed is retried or acknowledged. The server reacts
 * by stopping; a restart runs recovery, which finds out what really is on disk.
 *
 * <p>The message names the file and the operation. The first failure carries the
 * {@link java.io.IOException} as its cause; every later call on the failed component throws a new
 * instance whose cause is that first failure.
 */
public final class StorageFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String operation;

    /**
     * @param file the file or directory the operation was on
     * @param operation what was being done, e.g. "fsync" or "write"
     * @param detail what happened, for the message
     * @param cause the I/O error, or the earlier failure that stopped the component
     */
    public StorageFailureException(Path file, String operation, String detail, Throwable cause) {
        super(operation + " of " + file + " failed: " + detail, cause);
        this.file = file;
        this.operation = operation;
    }

    /** The file or directory the failed operation was on. */
    public Path file() {
        return file;
    }

    /** The failed operation, e.g. "fsync", "write", "delete". */
    public String operation() {
        return operation;
    }
}
