package io.paddock.bench.load;

import java.util.Map;

/**
 * What the restart benchmark measured on one server.
 *
 * @param znodes znodes loaded (100-byte values) and found again after the restart
 * @param loadSeconds wall time of the async load
 * @param loadErrors failed creates by name; every create is answered or counted here
 * @param crashFirstReadMillis after the load and a SIGKILL: from process start until the
 *     first getData of a known node succeeded (the log tail is replayed)
 * @param stopMillis from SIGTERM (of the server restarted after the kill) until it exited
 * @param servingMillis from process start until {@code srvr} first reported a mode
 * @param firstReadMillis from process start until the first getData of a known node succeeded
 * @param baselineHeapBytes heap used after a full GC on the freshly started, empty server
 * @param restartedHeapBytes heap used after a full GC once the restarted server had served
 * @param dataDirBytes snapshot and log files on disk before the restart
 * @param znodesFound znodes counted after the restart (sum of the parents' numChildren)
 */
record RestartResult(long znodes, double loadSeconds, Map<String, Long> loadErrors,
        long crashFirstReadMillis, long stopMillis, long servingMillis, long firstReadMillis, long baselineHeapBytes,
        long restartedHeapBytes, long dataDirBytes, long znodesFound) {

    long loadErrorCount() {
        return loadErrors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Heap after restart divided by znodes: the whole process's heap per znode. */
    double heapBytesPerZnode() {
        return znodes == 0 ? 0 : (double) restartedHeapBytes / znodes;
    }

    /** What the znodes add to an empty server's heap, per znode. */
    double addedHeapBytesPerZnode() {
        return znodes == 0 ? 0 : (double) (restartedHeapBytes - baselineHeapBytes) / znodes;
    }

    /** Every create answered and every znode back after the restart. */
    boolean complete() {
        return loadErrorCount() == 0 && znodesFound == znodes;
    }
}
