package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Reads a znode's data, optionally leaving a data watch. */
public record GetDataRequest(String path, boolean watch) implements Record {

    public static GetDataRequest read(JuteInput in) {
        return new GetDataRequest(in.readString(), in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBool(watch);
    }
}
