package io.paddock.client.exception;

import io.paddock.protocol.op.ErrorCode;

/** No such watcher was registered ({@link ErrorCode#NO_WATCHER}). */
public class NoWatcherException extends PaddockException {
    public NoWatcherException(String path) {
        super(ErrorCode.NO_WATCHER, path);
    }
}
