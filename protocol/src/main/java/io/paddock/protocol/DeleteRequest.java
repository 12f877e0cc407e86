package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Deletes a znode if {@code version} matches (-1 matches any). */
public record DeleteRequest(String path, int version) implements Record {

    public static DeleteRequest read(JuteInput in) {
        return new DeleteRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(version);
    }
}
