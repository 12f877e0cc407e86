package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/**
 * A watch notification, sent with reply xid -1. {@code type} is an {@link
 * io.paddock.protocol.op.EventType} number, {@code state} a {@link
 * io.paddock.protocol.op.KeeperState} number.
 */
public record WatcherEvent(int type, int state, String path) implements Record {
    public static WatcherEvent read(JuteInput in) {
        return new WatcherEvent(in.readInt(), in.readInt(), in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeInt(state);
        out.writeString(path);
    }
}
