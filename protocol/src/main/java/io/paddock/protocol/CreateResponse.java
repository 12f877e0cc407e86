package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The actual path of a created znode (sequence suffix included). */
public record CreateResponse(String path) implements Record {

    public static CreateResponse read(JuteInput in) {
        return new CreateResponse(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
