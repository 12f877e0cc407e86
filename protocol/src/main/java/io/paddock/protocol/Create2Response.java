package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The actual path and the stat of a created znode. */
public record Create2Response(String path, Stat stat) implements Record {

    public static Create2Response read(JuteInput in) {
        return new Create2Response(in.readString(), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        stat.write(out);
    }
}
