package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Removes the client's watches of {@code type} (a WatcherType number) on a path. */
public record RemoveWatchesRequest(String path, int type) implements Record {

    public static RemoveWatchesRequest read(JuteInput in) {
        return new RemoveWatchesRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(type);
    }
}
