package io.paddock.protocol;

import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import io.paddock.protocol.op.OpCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a multi or multiRead request. On the wire each op is a {@link MultiHeader} (type,
 * not done, err -1) followed by the op's request; a header with done set ends the list.
 */
public record MultiRequest(List<MultiOp> ops) implements Record {
    private static final MultiHeader END = new MultiHeader(-1, true, -1);

    public static MultiRequest read(JuteInput in) {
        List<MultiOp> ops = new ArrayList<>();
        // Each op consumes at least its header's bytes, so a hostile frame runs out, not us.
        for (MultiHeader h = MultiHeader.read(in); !h.done(); h = MultiHeader.read(in)) {
            ops.add(new MultiOp(h.type(), readOp(h.type(), in)));
        }
        return new MultiRequest(ops);
    }

    private static Record readOp(int type, JuteInput in) {
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> CreateRequest.read(in);
            case OpCode.CREATE_TTL -> CreateTTLRequest.read(in);
            case OpCode.DELETE -> DeleteRequest.read(in);
            case OpCode.SET_DATA -> SetDataRequest.read(in);
            case OpCode.CHECK -> CheckVersionRequest.read(in);
            case OpCode.GET_CHILDREN -> GetChildrenRequest.read(in);
            case OpCode.GET_DATA -> GetDataRequest.read(in);
            default -> throw new DecodeException("invalid op type " + type + " in a multi");
        };
    }

    @Override
    public void write(JuteOutput out) {
        for (MultiOp op : ops) {
            new MultiHeader(op.type(), false, -1).write(out);
            op.request().write(out);
        }
        END.write(out);
    }
}
