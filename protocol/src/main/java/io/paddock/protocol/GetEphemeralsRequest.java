package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Lists the session's ephemeral znodes under a path prefix. */
public record GetEphemeralsRequest(String prefixPath) implements Record {

    public static GetEphemeralsRequest read(JuteInput in) {
        return new GetEphemeralsRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(prefixPath);
    }
}
