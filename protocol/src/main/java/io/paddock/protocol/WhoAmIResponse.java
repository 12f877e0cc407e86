package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.List;

/** The identities the session has authenticated as. */
public record WhoAmIResponse(List<ClientInfo> clientInfo) implements Record {

    public static WhoAmIResponse read(JuteInput in) {
        return new WhoAmIResponse(in.readVector(ClientInfo::read));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeVector(clientInfo, (o, c) -> c.write(o));
    }
}
