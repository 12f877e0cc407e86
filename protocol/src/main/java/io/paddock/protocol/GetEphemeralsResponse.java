package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.List;

/** The session's ephemeral znode paths. */
public record GetEphemeralsResponse(List<String> ephemerals) implements Record {

    public static GetEphemeralsResponse read(JuteInput in) {
        return new GetEphemeralsResponse(in.readVector(JuteInput::readString));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeVector(ephemerals, JuteOutput::writeString);
    }
}
