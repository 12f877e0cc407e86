package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Reads a znode's stat, optionally leaving an exist or data watch. */
public record ExistsRequest(String path, boolean watch) implements Record {

    public static ExistsRequest read(JuteInput in) {
        return new ExistsRequest(in.readString(), in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBool(watch);
    }
}
