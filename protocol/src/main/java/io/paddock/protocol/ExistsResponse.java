package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The stat of an existing znode. */
public record ExistsResponse(Stat stat) implements Record {

    public static ExistsResponse read(JuteInput in) {
        return new ExistsResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        stat.write(out);
    }
}
