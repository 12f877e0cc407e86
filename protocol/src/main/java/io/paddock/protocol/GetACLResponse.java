package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.List;

/** A znode's ACL and stat. */
public record GetACLResponse(List<ACL> acl, Stat stat) implements Record {

    public static GetACLResponse read(JuteInput in) {
        return new GetACLResponse(ACL.readList(in), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        ACL.writeList(out, acl);
        stat.write(out);
    }
}
