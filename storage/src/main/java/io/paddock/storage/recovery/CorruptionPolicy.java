package io.paddock.storage.recovery;

/** What recovery does with a damaged record that valid records follow. */
public enum CorruptionPolicy {
    /** Stop start-up with the file, offset and zxid named: acknowledged txns may follow it. */
    REFUSE,
    /**
     * Truncate the log at the damaged record and delete what follows, on an operator's explicit
     * request; every txn after that point is lost.
     */
    TRUNCATE
}
