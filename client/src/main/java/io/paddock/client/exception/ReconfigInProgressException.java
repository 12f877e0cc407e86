package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** Another reconfiguration is in progress ({@link ErrorCode#RECONFIG_IN_PROGRESS}). */
public class ReconfigInProgressException extends PaddockException {
    public ReconfigInProgressException(String path) {
        super(ErrorCode.RECONFIG_IN_PROGRESS, path);
    }
}
