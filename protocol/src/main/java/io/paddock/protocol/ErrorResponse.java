package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The body of a failed op inside a multi response. */
public record ErrorResponse(int err) implements Record {

    public static ErrorResponse read(JuteInput in) {
        return new ErrorResponse(in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(err);
    }
}
