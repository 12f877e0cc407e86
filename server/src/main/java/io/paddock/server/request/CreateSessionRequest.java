package io.paddock.server.request;

import io.paddock.protocol.Record;
import io.paddock.protocol.codec.JuteOutput;

/** The server-internal request that opens a session with its negotiated timeout. */
public record CreateSessionRequest(int timeout) implements Record {
    @Override
    public void write(JuteOutput out) {
        out.writeInt(timeout);
    }
}
