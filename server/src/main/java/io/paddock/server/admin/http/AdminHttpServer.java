package io.paddock.server.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.console.WebConsole;
import io.paddock.server.config.ConsoleConfig;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The admin HTTP server, ZooKeeper 3.9's AdminServer on Netty: {@code <commandURL>/<name>}
 * answers a command as indented JSON with ZooKeeper's field names, {@code <commandURL>} lists
 * the commands as links, and {@code /health} answers 200 while the server takes requests and
 * 503 once it does not (for load balancers and orchestrators). The web console, when
 * enabled, is served under {@code /console/} ({@link WebConsole}), and {@code /} leads to it.
 *
 * <p>Thread-safe: requests are served on the endpoint's own thread; {@link #close} from any.
 */
public final class AdminHttpServer implements AutoCloseable {
    private final AdminSources sources;
    private final AdminCommands commands;
    private final String commandUrl;
    private final ObjectMapper json = new ObjectMapper()
            .configure(SerializationFeature.INDENT_OUTPUT, true);
    private final WebConsole console; // null when the console is off
    private final HttpEndpoint endpoint;

    private AdminHttpServer(AdminSources sources, InetSocketAddress address, String commandUrl,
            ConsoleConfig consoleConfig) {
        this.sources = sources;
        this.commands = new AdminCommands(sources);
        this.commandUrl = commandUrl;
        this.console = consoleConfig.enabled()
                ? new WebConsole(sources, consoleConfig, commandUrl) : null;
        this.endpoint = HttpEndpoint.bind("admin", address, new Routes());
    }

    /** Binds {@code address} (port 0 for an ephemeral one) and serves until closed. */
    public static AdminHttpServer start(AdminSources sources, InetSocketAddress address,
            String commandUrl, ConsoleConfig console) {
        return new AdminHttpServer(sources, address, commandUrl, console);
    }

    public InetSocketAddress address() {
        return endpoint.address();
    }

    private HttpReply get(String path, Map<String, String> params) {
        if (path.equals(commandUrl) || path.equals(commandUrl + "/")) {
            return HttpReply.of(200, "text/html; charset=utf-8", index());
        }
        if (path.startsWith(commandUrl + "/")) {
            String name = path.substring(commandUrl.length() + 1);
            return HttpReply.json(200, write(commands.run(name, params)));
        }
        if (path.equals("/health")) {
            return health();
        }
        if (path.equals("/") && console != null) {
            return new HttpReply(302, "text/plain; charset=utf-8", new byte[0],
                    Map.of("Location", WebConsole.PREFIX + "/"));
        }
        return HttpReply.notFound(path);
    }

    /** The commands and /health take GET only; the console also takes its writes. */
    private final class Routes implements HttpRoutes {
        @Override
        public HttpReply get(String path, Map<String, String> params) {
            return AdminHttpServer.this.get(path, params);
        }

        @Override
        public CompletionStage<HttpReply> handle(HttpCall call) {
            if (console != null && WebConsole.owns(call.path())) {
                return console.handle(call);
            }
            return HttpRoutes.super.handle(call);
        }
    }

    /** ZooKeeper's command index: a link per primary name, each followed by a line break. */
    private String index() {
        StringBuilder b = new StringBuilder();
        for (String name : commands.primaryNames()) {
            b.append("<a href=\"").append(commandUrl).append('/').append(name).append("\">")
                    .append(name).append("</a>\n<br/>\n");
        }
        return b.toString();
    }

    private HttpReply health() {
        boolean serving = sources.serving().getAsBoolean();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", serving ? "ok" : "unavailable");
        m.put("serving", serving);
        String mode = sources.view().mode();
        m.put("server_state", mode == null ? "looking" : mode);
        m.put("last_zxid", "0x" + Long.toHexString(sources.view().lastZxid()));
        m.put("uptime", sources.uptimeMillis());
        return HttpReply.json(serving ? 200 : 503, write(m));
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response as JSON", e);
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
