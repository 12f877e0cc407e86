package io.paddock.storage.recovery;

/**
 * What reading one segment from its start found.
 *
 * @param records how many valid records lead the segment
 * @param lastZxid the zxid of the last of them, or the zxid before the segment if none
 * @param validEnd the offset just after the last valid record (or after the header)
 * @param problem where reading stopped early and why, or null if it reached the clean end
 */
record SegmentScan(int records, long lastZxid, long validEnd, Problem problem) {

    /**
     * @param offset where the damage starts
     * @param zxid the zxid the damaged record claims, or -1
     * @param reason what is wrong
     */
    record Problem(long offset, long zxid, String reason) {
    }
}
