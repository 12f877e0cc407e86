package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** One identity of the session, as whoAmI reports it. */
public record ClientInfo(String authScheme, String user) implements Record {

    public static ClientInfo read(JuteInput in) {
        return new ClientInfo(in.readString(), in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(authScheme);
        out.writeString(user);
    }
}
