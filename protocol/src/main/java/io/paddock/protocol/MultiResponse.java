package io.paddock.protocol;

import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import io.paddock.protocol.op.OpCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a multi or multiRead reply. On the wire each result is a {@link MultiHeader}
 * (type, not done, err) followed by its response, if any; a header with done set ends the list.
 */
public record MultiResponse(List<MultiResult> results) implements Record {
    private static final MultiHeader END = new MultiHeader(-1, true, -1);

    public static MultiResponse read(JuteInput in) {
        List<MultiResult> results = new ArrayList<>();
        for (MultiHeader h = MultiHeader.read(in); !h.done(); h = MultiHeader.read(in)) {
            results.add(new MultiResult(h.type(), h.err(), readResult(h.type(), in)));
        }
        return new MultiResponse(results);
    }

    private static Record readResult(int type, JuteInput in) {
        return switch (type) {
            case OpCode.CREATE -> CreateResponse.read(in);
            case OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL ->
                    Create2Response.read(in);
            case OpCode.DELETE, OpCode.CHECK -> null;
            case OpCode.SET_DATA -> SetDataResponse.read(in);
            case OpCode.GET_CHILDREN -> GetChildrenResponse.read(in);
            case OpCode.GET_DATA -> GetDataResponse.read(in);
            case OpCode.ERROR -> ErrorResponse.read(in);
            default -> throw new DecodeException("invalid result type " + type + " in a multi");
        };
    }

    @Override
    public void write(JuteOutput out) {
        for (MultiResult r : results) {
            new MultiHeader(wireType(r.type()), false, r.err()).write(out);
            if (r.response() != null) {
                r.response().write(out);
            }
        }
        END.write(out);
    }

    private static int wireType(int type) {
        return type == OpCode.CREATE_CONTAINER || type == OpCode.CREATE_TTL ? OpCode.CREATE2 : type;
    }
}
