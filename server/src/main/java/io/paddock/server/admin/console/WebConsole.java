package io.paddock.server.admin.console;

import io.paddock.protocol.Id;
import io.paddock.server.acl.AclChecker;
import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.FourLetterWords;
import io.paddock.server.admin.http.HttpCall;
import io.paddock.server.admin.http.HttpReply;
import io.paddock.server.config.ConsoleConfig;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The web console on the admin HTTP port, under {@link #PREFIX}: a small static app
 * ({@code index.html}, {@code console.js}, {@code console.css}, served from the jar) and the
 * JSON it reads.
 *
 * <pre>
 *  GET  /console/                  the app
 *  GET  /console/api/info          version, whether writes are enabled, the command URL
 *  GET  /console/api/node?path=    one znode: Stat, ACL, data (text, JSON, hex), children
 *  GET  /console/api/search?q=&amp;path=  paths containing q, breadth first
 *  GET  /console/api/sessions      sessions, their connections, ephemerals and watches
 *  GET  /console/api/watches       watched paths and the sessions watching them
 *  GET  /console/api/stats         one sample for the live charts
 *  GET  /console/api/servers       this server's mode and role, the ensemble's members
 *  POST /console/api/create|set|delete   writes, see {@link ConsoleWrites}
 * </pre>
 *
 * Reads take optional Basic credentials (digest ids) that unlock the data of nodes whose ACL
 * does not let everyone read.
 *
 * <p>Thread-safe: called on the admin endpoint's thread; every view reads live state.
 */
public final class WebConsole {
    public static final String PREFIX = "/console";
    private static final String API = PREFIX + "/api/";

    private final AdminSources sources;
    private final String commandUrl;
    private final boolean writesEnabled;
    private final StaticAssets assets = new StaticAssets();
    private final ConsoleCredentials credentials;
    private final NodeView nodes;
    private final TreeSearch search;
    private final SessionsView sessions;
    private final LiveStats stats;
    private final ServersPanel servers;
    private final ConsoleWrites writes;

    public WebConsole(AdminSources sources, ConsoleConfig config, String commandUrl) {
        this.sources = sources;
        this.commandUrl = commandUrl;
        this.writesEnabled = config.writesEnabled();
        this.credentials = new ConsoleCredentials(sources.auth());
        this.nodes = new NodeView(sources.tree(), new AclChecker(sources.auth()));
        this.search = new TreeSearch(sources.tree());
        this.sessions = new SessionsView(sources);
        this.stats = new LiveStats(sources);
        this.servers = new ServersPanel(sources);
        this.writes = new ConsoleWrites(config.writesEnabled(), credentials, sources.writer());
    }

    /** Whether a request for {@code path} is the console's to answer. */
    public static boolean owns(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    public CompletionStage<HttpReply> handle(HttpCall call) {
        String path = call.path();
        if (path.startsWith(API)) {
            String name = path.substring(API.length());
            if (call.method().equals("POST")) {
                return writes.handle(name, call);
            }
            if (!call.isRead()) {
                return done(methodNotAllowed());
            }
            return done(read(name, call));
        }
        if (!call.isRead()) {
            return done(methodNotAllowed());
        }
        if (path.equals(PREFIX)) {
            return done(new HttpReply(301, "text/plain; charset=utf-8", new byte[0],
                    ConsoleReplies.headers(Map.of("Location", PREFIX + "/"))));
        }
        String file = path.substring(PREFIX.length() + 1);
        HttpReply asset = assets.get(file.isEmpty() ? "index.html" : file);
        return done(asset != null ? asset
                : ConsoleReplies.error(404, "NOT_FOUND", "the console has no page " + path));
    }

    private HttpReply read(String name, HttpCall call) {
        try {
            return switch (name) {
                case "info" -> ConsoleReplies.json(200, info());
                case "node" -> node(call);
                case "search" -> ConsoleReplies.json(200, search.search(
                        pathParam(call, "path", "/"), call.params().getOrDefault("q", "")));
                case "sessions" -> ConsoleReplies.json(200, sessions.sessions());
                case "watches" -> ConsoleReplies.json(200, sessions.watches());
                case "stats" -> ConsoleReplies.json(200, stats.sample());
                case "servers" -> ConsoleReplies.json(200, servers.panel());
                default -> ConsoleReplies.error(404, "NOT_FOUND", "no console API " + name);
            };
        } catch (ConsoleCredentials.BadCredentials e) {
            return ConsoleReplies.error(401, "UNAUTHENTICATED", e.getMessage());
        } catch (IllegalArgumentException e) {
            return ConsoleReplies.error(400, "BAD_REQUEST", e.getMessage());
        }
    }

    private HttpReply node(HttpCall call) {
        String path = pathParam(call, "path", "/");
        List<Id> ids = credentials.ids(call);
        Map<String, Object> view = nodes.of(path, ids);
        if (view == null) {
            return ConsoleReplies.error(404, "NO_NODE", "no node " + path);
        }
        return ConsoleReplies.json(200, view);
    }

    private Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", FourLetterWords.VERSION);
        m.put("writes_enabled", writesEnabled);
        m.put("command_url", commandUrl);
        m.put("client_port", sources.clientPort());
        return m;
    }

    /** A znode path parameter: absolute, no trailing slash but the root's, no empty name. */
    private static String pathParam(HttpCall call, String key, String fallback) {
        String p = call.params().getOrDefault(key, fallback);
        if (p.isEmpty()) {
            p = fallback;
        }
        if (!p.startsWith("/") || (p.length() > 1 && p.endsWith("/")) || p.contains("//")) {
            throw new IllegalArgumentException("not a znode path: " + p);
        }
        return p;
    }

    private static HttpReply methodNotAllowed() {
        return new HttpReply(405, "text/plain; charset=utf-8",
                "the console takes GET, and POST for writes\n".getBytes(
                        StandardCharsets.UTF_8),
                ConsoleReplies.headers(Map.of("Allow", "GET, HEAD, POST")));
    }

    private static CompletionStage<HttpReply> done(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
