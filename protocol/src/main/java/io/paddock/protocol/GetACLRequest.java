package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Reads a znode's ACL. */
public record GetACLRequest(String path) implements Record {

    public static GetACLRequest read(JuteInput in) {
        return new GetACLRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
