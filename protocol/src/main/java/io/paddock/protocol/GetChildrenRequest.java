package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Lists a znode's children, optionally leaving a child watch. */
public record GetChildrenRequest(String path, boolean watch) implements Record {

    public static GetChildrenRequest read(JuteInput in) {
        return new GetChildrenRequest(in.readString(), in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBool(watch);
    }
}
