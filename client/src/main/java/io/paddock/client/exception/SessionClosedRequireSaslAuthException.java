package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The session was closed because SASL authentication is required ({@link ErrorCode#SESSION_CLOSED_REQUIRE_SASL_AUTH}). */
public class SessionClosedRequireSaslAuthException extends PaddockException {
    public SessionClosedRequireSaslAuthException(String path) {
        super(ErrorCode.SESSION_CLOSED_REQUIRE_SASL_AUTH, path);
    }
}
