package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The number of descendants of a znode. */
public record GetAllChildrenNumberResponse(int totalNumber) implements Record {

    public static GetAllChildrenNumberResponse read(JuteInput in) {
        return new GetAllChildrenNumberResponse(in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(totalNumber);
    }
}
