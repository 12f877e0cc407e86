package io.paddock.storage;

import java.nio.file.Path;

/**
 * Durable state that cannot be trusted: a damaged record in the middle of the transaction log, or
 * no valid snapshot where snapshots exist. Start-up stops with this exception rather than serve
 * state that may have lost acknowledged writes; the message names the file, the byte offset and,
 * when known, the zxid, so an operator can decide whether to truncate there on purpose.
 */
public final class StorageCorruptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;
    private final long zxid;

    /**
     * @param file the damaged file
     * @param offset the byte offset in it where the damage starts
     * @param zxid the zxid the damaged record claims or the one expected there; -1 if unknown
     * @param reason what is wrong
     */
    public StorageCorruptionException(Path file, long offset, long zxid, String reason) {
        super(file + " is corrupt at offset " + offset
                + (zxid >= 0 ? " (zxid 0x" + Long.toHexString(zxid) + ")" : "") + ": " + reason);
        this.file = file;
        this.offset = offset;
        this.zxid = zxid;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }

    /** The zxid at the damaged place, or -1 if it could not be read. */
    public long zxid() {
        return zxid;
    }
}
