package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.List;

/** Re-registers the client's watches after it reconnects to a server. */
public record SetWatches(
        long relativeZxid,
        List<String> dataWatches,
        List<String> existWatches,
        List<String> childWatches) implements Record {

    public static SetWatches read(JuteInput in) {
        return new SetWatches(
                in.readLong(),
                in.readVector(JuteInput::readString),
                in.readVector(JuteInput::readString),
                in.readVector(JuteInput::readString));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeLong(relativeZxid);
        out.writeVector(dataWatches, JuteOutput::writeString);
        out.writeVector(existWatches, JuteOutput::writeString);
        out.writeVector(childWatches, JuteOutput::writeString);
    }
}
