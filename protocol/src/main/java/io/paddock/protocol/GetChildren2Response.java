package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.List;

/** A znode's child names and its stat. */
public record GetChildren2Response(List<String> children, Stat stat) implements Record {

    public static GetChildren2Response read(JuteInput in) {
        return new GetChildren2Response(in.readVector(JuteInput::readString), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeVector(children, JuteOutput::writeString);
        stat.write(out);
    }
}
