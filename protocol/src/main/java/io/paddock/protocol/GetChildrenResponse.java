package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.List;

/** A znode's child names. */
public record GetChildrenResponse(List<String> children) implements Record {

    public static GetChildrenResponse read(JuteInput in) {
        return new GetChildrenResponse(in.readVector(JuteInput::readString));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeVector(children, JuteOutput::writeString);
    }
}
