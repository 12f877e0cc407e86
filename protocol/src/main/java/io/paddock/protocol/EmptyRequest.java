package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The body of a request that has none: ping, closeSession and whoAmI. */
public record EmptyRequest() implements Record {
    public static final EmptyRequest INSTANCE = new EmptyRequest();

    public static EmptyRequest read(JuteInput in) {
        return INSTANCE;
    }

    @Override
    public void write(JuteOutput out) {
        // nothing on the wire
    }
}
