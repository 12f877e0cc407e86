package io.paddock.protocol.codec;

import io.paddock.protocol.AddWatchRequest;
import io.paddock.protocol.AuthPacket;
import io.paddock.protocol.CheckVersionRequest;
import io.paddock.protocol.CheckWatchesRequest;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.CreateTTLRequest;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.EmptyRequest;
import io.paddock.protocol.ExistsRequest;
import io.paddock.protocol.GetACLRequest;
import io.paddock.protocol.GetAllChildrenNumberRequest;
import io.paddock.protocol.GetChildren2Request;
import io.paddock.protocol.GetChildrenRequest;
import io.paddock.protocol.GetDataRequest;
import io.paddock.protocol.GetEphemeralsRequest;
import io.paddock.protocol.GetSASLRequest;
import io.paddock.protocol.MultiRequest;
import io.paddock.protocol.Record;
import io.paddock.protocol.ReconfigRequest;
import io.paddock.protocol.RemoveWatchesRequest;
import io.paddock.protocol.SetACLRequest;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.SetWatches;
import io.paddock.protocol.SetWatches2;
import io.paddock.protocol.SyncRequest;
import io.paddock.protocol.op.OpCode;

/** Decodes the body that follows a {@code RequestHeader}, chosen by its op code. Stateless. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** True if {@link #decode} knows the op code's body. */
    public static boolean isKnown(int opCode) {
        return switch (opCode) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL,
                    OpCode.DELETE, OpCode.DELETE_CONTAINER, OpCode.EXISTS, OpCode.GET_DATA,
                    OpCode.SET_DATA, OpCode.GET_ACL, OpCode.SET_ACL, OpCode.GET_CHILDREN,
                    OpCode.GET_CHILDREN2, OpCode.GET_ALL_CHILDREN_NUMBER, OpCode.GET_EPHEMERALS,
                    OpCode.SYNC, OpCode.PING, OpCode.CLOSE_SESSION, OpCode.WHO_AM_I, OpCode.AUTH,
                    OpCode.SET_WATCHES, OpCode.SET_WATCHES2, OpCode.CHECK_WATCHES,
                    OpCode.REMOVE_WATCHES, OpCode.ADD_WATCH, OpCode.MULTI, OpCode.MULTI_READ,
                    OpCode.CHECK, OpCode.RECONFIG, OpCode.SASL -> true;
            default -> false;
        };
    }

    public static Record decode(int opCode, JuteInput in) {
        return switch (opCode) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> CreateRequest.read(in);
            case OpCode.CREATE_TTL -> CreateTTLRequest.read(in);
            // deleteContainer is normally server-internal; a client sending one gets it parsed
            // like a delete so the server can refuse it by op code rather than by framing.
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> DeleteRequest.read(in);
            case OpCode.EXISTS -> ExistsRequest.read(in);
            case OpCode.GET_DATA -> GetDataRequest.read(in);
            case OpCode.SET_DATA -> SetDataRequest.read(in);
            case OpCode.GET_ACL -> GetACLRequest.read(in);
            case OpCode.SET_ACL -> SetACLRequest.read(in);
            case OpCode.GET_CHILDREN -> GetChildrenRequest.read(in);
            case OpCode.GET_CHILDREN2 -> GetChildren2Request.read(in);
            case OpCode.GET_ALL_CHILDREN_NUMBER -> GetAllChildrenNumberRequest.read(in);
            case OpCode.GET_EPHEMERALS -> GetEphemeralsRequest.read(in);
            case OpCode.SYNC -> SyncRequest.read(in);
            case OpCode.PING, OpCode.CLOSE_SESSION, OpCode.WHO_AM_I -> EmptyRequest.INSTANCE;
            case OpCode.AUTH -> AuthPacket.read(in);
            case OpCode.SET_WATCHES -> SetWatches.read(in);
            case OpCode.SET_WATCHES2 -> SetWatches2.read(in);
            case OpCode.CHECK_WATCHES -> CheckWatchesRequest.read(in);
            case OpCode.REMOVE_WATCHES -> RemoveWatchesRequest.read(in);
            case OpCode.ADD_WATCH -> AddWatchRequest.read(in);
            case OpCode.MULTI, OpCode.MULTI_READ -> MultiRequest.read(in);
            case OpCode.CHECK -> CheckVersionRequest.read(in);
            case OpCode.RECONFIG -> ReconfigRequest.read(in);
            case OpCode.SASL -> GetSASLRequest.read(in);
            default -> throw new DecodeException("unknown op code " + opCode);
        };
    }
}
