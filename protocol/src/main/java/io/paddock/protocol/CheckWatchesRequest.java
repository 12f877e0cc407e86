package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Asks whether the client has a watch of {@code type} (a WatcherType number) on a path. */
public record CheckWatchesRequest(String path, int type) implements Record {

    public static CheckWatchesRequest read(JuteInput in) {
        return new CheckWatchesRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(type);
    }
}
