package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** A reconfiguration found no quorum in the new config ({@link ErrorCode#NEW_CONFIG_NO_QUORUM}). */
public class NewConfigNoQuorumException extends PaddockException {
    public NewConfigNoQuorumException(String path) {
        super(ErrorCode.NEW_CONFIG_NO_QUORUM, path);
    }
}
