package io.paddock.server.request;

import io.paddock.protocol.op.ErrorCode;

/** Aborts preparing one op with the error the client gets. Internal to the preparer. */
final class PrepareError extends RuntimeException {
    private final transient ErrorCode code;

    PrepareError(ErrorCode code) {
        super(code.name(), null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
