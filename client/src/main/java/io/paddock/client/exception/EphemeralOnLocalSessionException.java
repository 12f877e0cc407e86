package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** An ephemeral node was requested on a local session ({@link ErrorCode#EPHEMERAL_ON_LOCAL_SESSION}). */
public class EphemeralOnLocalSessionException extends PaddockException {
    public EphemeralOnLocalSessionException(String path) {
        super(ErrorCode.EPHEMERAL_ON_LOCAL_SESSION, path);
    }
}
