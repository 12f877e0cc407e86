package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Asks the server to catch up with the leader before answering later reads. */
public record SyncRequest(String path) implements Record {

    public static SyncRequest read(JuteInput in) {
        return new SyncRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
