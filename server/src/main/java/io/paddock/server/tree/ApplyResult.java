package io.paddock.server.tree;

import io.paddock.protocol.Record;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.server.watch.Notification;
import java.util.List;

/**
 * The outcome of applying one txn: the error for the reply header, the response record
 * (null when the op has no body) and the watch events it fired, to be sent before the reply.
 */
public record ApplyResult(ErrorCode error, Record response, List<Notification> notifications) {
}
