package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** Reconfiguration is disabled ({@link ErrorCode#RECONFIG_DISABLED}). */
public class ReconfigDisabledException extends PaddockException {
    public ReconfigDisabledException(String path) {
        super(ErrorCode.RECONFIG_DISABLED, path);
    }
}
