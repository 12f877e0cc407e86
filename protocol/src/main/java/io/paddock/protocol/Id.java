package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** An identity within an ACL scheme, such as {@code world:anyone} or {@code digest:bob:hash}. */
public record Id(String scheme, String id) implements Record {
    public static final Id ANYONE = new Id("world", "anyone");
    public static final Id AUTH_IDS = new Id("auth", "");

    public static Id read(JuteInput in) {
        return new Id(in.readString(), in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(scheme);
        out.writeString(id);
    }
}
