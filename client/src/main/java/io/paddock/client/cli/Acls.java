package io.paddock.client.cli;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ACLs in zkCli's notation: {@code scheme:id:perms[,scheme:id:perms...]} with perms from
 * {@code cdrwa}. Unlike zkCli, a malformed entry is refused rather than skipped, so a typo
 * never leaves a node with fewer grants than intended.
 *
 * <p>Thread-safe: stateless.
 */
final class Acls {
    private Acls() {
    }

    static List<ACL> parse(String text) {
        List<ACL> out = new ArrayList<>();
        for (String entry : text.split(",")) {
            int first = entry.indexOf(':');
            int last = entry.lastIndexOf(':');
            if (first < 0 || first == last) {
                throw ShellException.usage(entry + " does not have the form scheme:id:perm");
            }
            Id id = new Id(entry.substring(0, first), entry.substring(first + 1, last));
            out.add(new ACL(perms(entry.substring(last + 1)), id));
        }
        return out;
    }

    private static int perms(String text) {
        int perms = 0;
        for (char c : text.toCharArray()) {
            perms |= switch (c) {
                case 'r' -> ACL.Perms.READ;
                case 'w' -> ACL.Perms.WRITE;
                case 'c' -> ACL.Perms.CREATE;
                case 'd' -> ACL.Perms.DELETE;
                case 'a' -> ACL.Perms.ADMIN;
                default -> throw ShellException.usage("Unknown perm type: " + c);
            };
        }
        return perms;
    }

    static String perms(int p) {
        StringBuilder sb = new StringBuilder();
        sb.append((p & ACL.Perms.CREATE) != 0 ? "c" : "");
        sb.append((p & ACL.Perms.DELETE) != 0 ? "d" : "");
        sb.append((p & ACL.Perms.READ) != 0 ? "r" : "");
        sb.append((p & ACL.Perms.WRITE) != 0 ? "w" : "");
        sb.append((p & ACL.Perms.ADMIN) != 0 ? "a" : "");
        return sb.toString();
    }

    /** zkCli prints each entry as the Id's jute form, then ": " and the perms. */
    static String text(List<ACL> acl) {
        List<String> lines = new ArrayList<>();
        for (ACL a : acl) {
            lines.add("'" + a.id().scheme() + ",'" + a.id().id());
            lines.add(": " + perms(a.perms()));
        }
        return String.join("\n", lines);
    }

    static List<Map<String, Object>> json(List<ACL> acl) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ACL a : acl) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scheme", a.id().scheme());
            m.put("id", a.id().id());
            m.put("perms", perms(a.perms()));
            out.add(m);
        }
        return out;
    }
}
