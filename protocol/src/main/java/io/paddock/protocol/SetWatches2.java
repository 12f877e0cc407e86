package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.List;

/** Re-registers watches after a reconnect, including persistent ones. */
public record SetWatches2(
        long relativeZxid,
        List<String> dataWatches,
        List<String> existWatches,
        List<String> childWatches,
        List<String> persistentWatches,
        List<String> persistentRecursiveWatches) implements Record {

    public static SetWatches2 read(JuteInput in) {
        return new SetWatches2(
                in.readLong(),
                in.readVector(JuteInput::readString),
                in.readVector(JuteInput::readString),
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
        out.writeVector(persistentWatches, JuteOutput::writeString);
        out.writeVector(persistentRecursiveWatches, JuteOutput::writeString);
    }
}
