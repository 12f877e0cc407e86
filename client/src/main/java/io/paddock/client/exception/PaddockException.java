package io.paddock.client.exception;

import io.paddock.client.api.OpResult;
import io.paddock.protocol.op.ErrorCode;
import java.util.List;

/**
 * An operation failed with a ZooKeeper error code. There is one subclass per {@link ErrorCode},
 * so callers catch exactly the failure they handle ({@code catch (NodeExistsException e)}).
 *
 * <p>Unchecked, so the same exceptions flow through synchronous calls and through
 * {@link java.util.concurrent.CompletableFuture}s without wrapping. A failed transaction's
 * exception carries every op's result in {@link #results()}.
 */
public class PaddockException extends RuntimeException {
    private final transient ErrorCode code;
    private final String path;
    private transient List<OpResult> results = List.of();

    protected PaddockException(ErrorCode code, String path) {
        super(message(code, path));
        this.code = code;
        this.path = path;
    }

    /** The typed exception for {@code code} about {@code path} (which may be null). */
    public static PaddockException of(ErrorCode code, String path) {
        return switch (code) {
            case SYSTEM_ERROR -> new SystemErrorException(path);
            case RUNTIME_INCONSISTENCY -> new RuntimeInconsistencyException(path);
            case DATA_INCONSISTENCY -> new DataInconsistencyException(path);
            case CONNECTION_LOSS -> new ConnectionLossException(path);
            case MARSHALLING_ERROR -> new MarshallingErrorException(path);
            case UNIMPLEMENTED -> new UnimplementedException(path);
            case OPERATION_TIMEOUT -> new OperationTimeoutException(path);
            case BAD_ARGUMENTS -> new BadArgumentsException(path);
            case UNKNOWN_SESSION -> new UnknownSessionException(path);
            case NEW_CONFIG_NO_QUORUM -> new NewConfigNoQuorumException(path);
            case RECONFIG_IN_PROGRESS -> new ReconfigInProgressException(path);
            case API_ERROR -> new ApiErrorException(path);
            case NO_NODE -> new NoNodeException(path);
            case NO_AUTH -> new NoAuthException(path);
            case BAD_VERSION -> new BadVersionException(path);
            case NO_CHILDREN_FOR_EPHEMERALS -> new NoChildrenForEphemeralsException(path);
            case NODE_EXISTS -> new NodeExistsException(path);
            case NOT_EMPTY -> new NotEmptyException(path);
            case SESSION_EXPIRED -> new SessionExpiredException(path);
            case INVALID_CALLBACK -> new InvalidCallbackException(path);
            case INVALID_ACL -> new InvalidAclException(path);
            case AUTH_FAILED -> new AuthFailedException(path);
            case SESSION_MOVED -> new SessionMovedException(path);
            case NOT_READ_ONLY -> new NotReadOnlyException(path);
            case EPHEMERAL_ON_LOCAL_SESSION -> new EphemeralOnLocalSessionException(path);
            case NO_WATCHER -> new NoWatcherException(path);
            case REQUEST_TIMEOUT -> new RequestTimeoutException(path);
            case RECONFIG_DISABLED -> new ReconfigDisabledException(path);
            case SESSION_CLOSED_REQUIRE_SASL_AUTH -> new SessionClosedRequireSaslAuthException(path);
            case QUOTA_EXCEEDED -> new QuotaExceededException(path);
            case THROTTLED_OP -> new ThrottledOpException(path);
            case OK -> throw new IllegalArgumentException("OK is not an error");
        };
    }

    /** The typed exception for a wire error number. */
    public static PaddockException of(int err, String path) {
        return of(ErrorCode.of(err), path);
    }

    public ErrorCode code() {
        return code;
    }

    /** The path the failed operation was about, as the caller named it; null if none. */
    public String path() {
        return path;
    }

    /** For a failed transaction, every op's result (errors and rolled-back ops); else empty. */
    public List<OpResult> results() {
        return results;
    }

    /** Attaches a transaction's results; returns this. */
    public PaddockException withResults(List<OpResult> opResults) {
        this.results = List.copyOf(opResults);
        return this;
    }

    private static String message(ErrorCode code, String path) {
        String text = code.name() + " (" + code.code() + ")";
        return path == null ? text : text + " for " + path;
    }
}
