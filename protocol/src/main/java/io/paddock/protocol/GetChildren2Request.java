package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Lists a znode's children with its stat, optionally leaving a child watch. */
public record GetChildren2Request(String path, boolean watch) implements Record {

    public static GetChildren2Request read(JuteInput in) {
        return new GetChildren2Request(in.readString(), in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBool(watch);
    }
}
