package io.paddock.recipes.locks;

/**
 * One lease of an {@link InterProcessSemaphore}; closing it returns the lease. Also returned
 * when the holder's session expires (the lease node is ephemeral).
 *
 * <p>Thread-safe; closing twice is harmless.
 */
public final class Lease implements AutoCloseable {
    private final InterProcessSemaphore semaphore;
    private final String path;
    private boolean returned;

    Lease(InterProcessSemaphore semaphore, String path) {
        this.semaphore = semaphore;
        this.path = path;
    }

    /** The lease node's path. */
    public String path() {
        return path;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (returned) {
                return;
            }
            returned = true;
        }
        semaphore.returnLease(path);
    }
}
