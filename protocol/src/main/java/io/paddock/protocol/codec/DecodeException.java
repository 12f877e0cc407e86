package io.paddock.protocol.codec;

/**
 * Bytes from the network that do not form a valid record or frame. The connection that sent
 * them is closed; nothing else is affected.
 */
public final class DecodeException extends RuntimeException {
    public DecodeException(String message) {
        super(message);
    }
}
