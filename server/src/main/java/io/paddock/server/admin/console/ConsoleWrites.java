package io.paddock.server.admin.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.paddock.protocol.ACL;
import io.paddock.protocol.CreateMode;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.CreateResponse;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.SetDataResponse;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.admin.console.ZnodeWriter.WriteOutcome;
import io.paddock.server.admin.http.HttpCall;
import io.paddock.server.admin.http.HttpReply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console's writes: {@code POST /console/api/create}, {@code /set} and {@code /delete}
 * with a JSON body. Each is refused unless the operator enabled writes
 * ({@code paddock.console.writesEnabled}), the request passes {@link SameOrigin}, and it
 * carries Basic credentials, which become the digest ids the write is checked with against the
 * node's ACL in the server's own request path. Answers: 200 with the zxid, 400 bad request,
 * 401 no credentials, 403 writes off or forbidden (CSRF, ACL), 404 no node, 409 exists, bad
 * version or not empty, 503 no answer in time.
 *
 * <p>Thread-safe: stateless apart from the collaborators, which are.
 */
final class ConsoleWrites {
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String CHALLENGE = "Basic realm=\"Paddock console\", charset=\"UTF-8\"";

    private final boolean enabled;
    private final ConsoleCredentials credentials;
    private final ZnodeWriter writer;

    ConsoleWrites(boolean enabled, ConsoleCredentials credentials, ZnodeWriter writer) {
        this.enabled = enabled;
        this.credentials = credentials;
        this.writer = writer;
    }

    CompletionStage<HttpReply> handle(String op, HttpCall call) {
        if (!enabled) {
            return done(ConsoleReplies.error(403, "WRITES_DISABLED", "the console is read-only:"
                    + " set paddock.console.writesEnabled=true in zoo.cfg to allow writes"));
        }
        String refusal = SameOrigin.refusal(call);
        if (refusal != null) {
            return done(ConsoleReplies.error(403, "CROSS_ORIGIN", refusal));
        }
        if (!ConsoleCredentials.present(call)) {
            return done(unauthorized("a console write needs digest credentials (HTTP Basic"
                    + " user:password)"));
        }
        List<Id> ids;
        Request request;
        try {
            ids = credentials.ids(call);
            request = parse(op, call.bodyText());
        } catch (ConsoleCredentials.BadCredentials e) {
            return done(unauthorized(e.getMessage()));
        } catch (IllegalArgumentException e) {
            return done(ConsoleReplies.error(400, "BAD_REQUEST", e.getMessage()));
        }
        String user = ConsoleCredentials.user(call);
        return writer.submit(request.opCode(), request.record(), ids)
                .toCompletableFuture()
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((outcome, failure) -> failure != null ? failed(failure)
                        : answer(op, request.path(), user, outcome));
    }

    private record Request(int opCode, String path, Record record) {
    }

    private static Request parse(String op, String body) {
        JsonNode json;
        try {
            json = ConsoleReplies.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        String path = text(json, "path");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("\"path\" must be an absolute znode path");
        }
        int version = json.path("version").asInt(-1);
        return switch (op) {
            case "create" -> {
                CreateMode mode = json.path("sequential").asBoolean(false)
                        ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT;
                yield new Request(OpCode.CREATE, path,
                        new CreateRequest(path, data(json), acl(text(json, "acl")), mode.flag()));
            }
            case "set" -> new Request(OpCode.SET_DATA, path,
                    new SetDataRequest(path, data(json), version));
            case "delete" -> new Request(OpCode.DELETE, path, new DeleteRequest(path, version));
            default -> throw new IllegalArgumentException("no such console write: " + op);
        };
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static byte[] data(JsonNode json) {
        String data = text(json, "data");
        if (data == null) {
            return new byte[0];
        }
        String encoding = text(json, "encoding");
        if (encoding == null || encoding.equals("text")) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
        if (encoding.equals("base64")) {
            try {
                return Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"data\" is not base64");
            }
        }
        throw new IllegalArgumentException("\"encoding\" must be text or base64, was " + encoding);
    }

    /** open: world:anyone may do everything (zkCli's default); creator: only the writer's ids. */
    private static List<ACL> acl(String name) {
        if (name == null || name.equals("open")) {
            return ACL.OPEN_ACL_UNSAFE;
        }
        if (name.equals("creator")) {
            return ACL.CREATOR_ALL_ACL;
        }
        throw new IllegalArgumentException("\"acl\" must be open or creator, was " + name);
    }

    private static HttpReply answer(String op, String path, String user, WriteOutcome outcome) {
        ErrorCode code = ErrorCode.of(outcome.error());
        if (code != ErrorCode.OK) {
            return ConsoleReplies.error(status(code), code.name(), message(op, path, user, code));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("op", op);
        m.put("path", outcome.response() instanceof CreateResponse c ? c.path() : path);
        m.put("zxid", ConsoleReplies.hex(outcome.zxid()));
        if (outcome.response() instanceof SetDataResponse s) {
            m.put("stat", NodeView.stat(s.stat()));
        }
        return ConsoleReplies.json(200, m);
    }

    private static int status(ErrorCode code) {
        return switch (code) {
            case NO_AUTH -> 403;
            case NO_NODE -> 404;
            case NODE_EXISTS, BAD_VERSION, NOT_EMPTY, NO_CHILDREN_FOR_EPHEMERALS -> 409;
            case BAD_ARGUMENTS, INVALID_ACL, MARSHALLING_ERROR -> 400;
            default -> 500;
        };
    }

    private static String message(String op, String path, String user, ErrorCode code) {
        return switch (code) {
            case NO_AUTH -> "the ACL does not let digest user " + user + " " + op + " " + path;
            case NO_NODE -> "no node " + path + (op.equals("create") ? "'s parent" : "");
            case NODE_EXISTS -> path + " already exists";
            case BAD_VERSION -> path + " is not at the version given";
            case NOT_EMPTY -> path + " has children";
            case INVALID_ACL -> "the ACL is not valid for these credentials";
            default -> op + " " + path + " failed: " + code;
        };
    }

    private static HttpReply failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException
                && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return ConsoleReplies.error(503, "TIMEOUT", "the server did not answer the write within "
                    + TIMEOUT.toSeconds() + " s");
        }
        return ConsoleReplies.error(503, "UNAVAILABLE", "the write was not taken: "
                + cause.getMessage());
    }

    private static HttpReply unauthorized(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("code", "UNAUTHENTICATED");
        return ConsoleReplies.json(401, m, Map.of("WWW-Authenticate", CHALLENGE));
    }

    private static CompletionStage<HttpReply> done(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
