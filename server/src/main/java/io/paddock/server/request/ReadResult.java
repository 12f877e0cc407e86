package io.paddock.server.request;

import io.paddock.protocol.Record;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.server.watch.Notification;
import java.util.List;

/** The reply to a read (response null when the op has no body) and events it fired. */
public record ReadResult(ErrorCode error, Record response, List<Notification> notifications) {
    static ReadResult ok(Record response) {
        return new ReadResult(ErrorCode.OK, response, List.of());
    }

    static ReadResult failed(ErrorCode error) {
        return new ReadResult(error, null, List.of());
    }
}
