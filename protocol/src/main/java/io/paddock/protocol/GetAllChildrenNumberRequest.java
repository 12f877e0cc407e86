package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Counts all descendants of a znode. */
public record GetAllChildrenNumberRequest(String path) implements Record {

    public static GetAllChildrenNumberRequest read(JuteInput in) {
        return new GetAllChildrenNumberRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
