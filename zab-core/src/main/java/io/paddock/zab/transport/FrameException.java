package io.paddock.zab.transport;

/**
 * A frame that cannot be trusted: wrong length, checksum mismatch, unknown type or malformed
 * fields. The connection it came on is closed; nothing of it reaches the core.
 */
public final class FrameException extends RuntimeException {

    public FrameException(String reason) {
        super(reason);
    }

    public FrameException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
