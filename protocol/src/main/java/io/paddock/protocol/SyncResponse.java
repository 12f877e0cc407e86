package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The path that was synced. */
public record SyncResponse(String path) implements Record {

    public static SyncResponse read(JuteInput in) {
        return new SyncResponse(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
