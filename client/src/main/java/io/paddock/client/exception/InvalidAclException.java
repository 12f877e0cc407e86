package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** The ACL is invalid ({@link ErrorCode#INVALID_ACL}). */
public class InvalidAclException extends PaddockException {
    public InvalidAclException(String path) {
        super(ErrorCode.INVALID_ACL, path);
    }
}
