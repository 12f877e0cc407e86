package io.paddock.server.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a JSON document as a set of "path:type" lines, for comparing two servers'
 * answers by field names and value types rather than values. Fields listed as keyed by data
 * (session ids, paths) are maps whose keys differ between servers: their entries all appear
 * under the key {@code *}. Array elements appear under {@code []}.
 */
final class JsonShape {
    private JsonShape() {
    }

    static Set<String> of(JsonNode node, Set<String> keyedByData) {
        Set<String> out = new TreeSet<>();
        walk(node, "", keyedByData, out);
        return out;
    }

    private static void walk(JsonNode node, String path, Set<String> keyedByData, Set<String> out) {
        if (!path.isEmpty()) {
            out.add(path + ":" + type(node));
        }
        if (node.isObject()) {
            boolean byData = keyedByData.contains(path);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String name = byData ? "*" : f.getKey();
                walk(f.getValue(), path.isEmpty() ? name : path + "." + name, keyedByData, out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, path + "[]", keyedByData, out);
            }
        }
    }

    private static String type(JsonNode n) {
        if (n.isNumber()) {
            return "number";
        }
        return n.getNodeType().name().toLowerCase();
    }
}
