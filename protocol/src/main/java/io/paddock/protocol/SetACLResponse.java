package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The stat of a znode after its ACL was set. */
public record SetACLResponse(Stat stat) implements Record {

    public static SetACLResponse read(JuteInput in) {
        return new SetACLResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        stat.write(out);
    }
}
