package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The stat of a znode after its data was set. */
public record SetDataResponse(Stat stat) implements Record {

    public static SetDataResponse read(JuteInput in) {
        return new SetDataResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        stat.write(out);
    }
}
