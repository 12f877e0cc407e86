package io.paddock.server.admin.console;

import io.paddock.server.admin.http.HttpCall;
import java.util.Locale;

/**
 * The console's defence against cross-site request forgery on writes. A write must
 * <ul>
 *   <li>be a POST of {@code application/json} carrying the header {@code X-Paddock-Console}:
 *       another site's page can send neither without a CORS preflight, which this server never
 *       approves (it answers no OPTIONS);
 *   <li>come from this origin: an {@code Origin} header, when the browser sends one, must name
 *       the host the request was sent to, and {@code Sec-Fetch-Site}, when sent, must say
 *       same-origin.
 * </ul>
 * Credentials alone are never enough, so a browser that remembered them cannot be made to
 * write by another page.
 *
 * <p>Stateless; thread-safe.
 */
final class SameOrigin {
    static final String HEADER = "X-Paddock-Console";

    private SameOrigin() {
    }

    /** Why the request is refused, or null when it may go on. */
    static String refusal(HttpCall call) {
        String type = call.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return "a console write is a POST of application/json";
        }
        if (call.header(HEADER) == null) {
            return "a console write carries the " + HEADER + " header";
        }
        String site = call.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "a console write must come from the console's own pages (Sec-Fetch-Site: "
                    + site + ")";
        }
        String origin = call.header("Origin");
        String host = call.header("Host");
        if (origin != null && (host == null || !sameHost(origin, host))) {
            return "a console write must come from the console's own origin, not " + origin;
        }
        return null;
    }

    private static boolean sameHost(String origin, String host) {
        String o = origin.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        return o.equals("http://" + h) || o.equals("https://" + h);
    }
}
