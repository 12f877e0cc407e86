package io.paddock.client.cli;

import io.paddock.protocol.Stat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Stat as zkCli's StatPrinter lays it out, and as a JSON object with the same field names.
 *
 * <p>Thread-safe: stateless.
 */
final class StatView {
    private StatView() {
    }

    static String text(Stat s) {
        return String.join("\n",
                "cZxid = 0x" + Long.toHexString(s.czxid()),
                "ctime = " + new Date(s.ctime()),
                "mZxid = 0x" + Long.toHexString(s.mzxid()),
                "mtime = " + new Date(s.mtime()),
                "pZxid = 0x" + Long.toHexString(s.pzxid()),
                "cversion = " + s.cversion(),
                "dataVersion = " + s.version(),
                "aclVersion = " + s.aversion(),
                "ephemeralOwner = 0x" + Long.toHexString(s.ephemeralOwner()),
                "dataLength = " + s.dataLength(),
                "numChildren = " + s.numChildren());
    }

    static Map<String, Object> json(Stat s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cZxid", s.czxid());
        m.put("ctime", s.ctime());
        m.put("mZxid", s.mzxid());
        m.put("mtime", s.mtime());
        m.put("pZxid", s.pzxid());
        m.put("cversion", s.cversion());
        m.put("dataVersion", s.version());
        m.put("aclVersion", s.aversion());
        m.put("ephemeralOwner", s.ephemeralOwner());
        m.put("dataLength", s.dataLength());
        m.put("numChildren", s.numChildren());
        return m;
    }

    /** Text and JSON of {@code body} followed by the stat when {@code withStat}. */
    static Reply withStat(String text, Map<String, Object> json, Stat stat, boolean withStat) {
        if (!withStat) {
            return Reply.of(text, json);
        }
        json.put("stat", json(stat));
        return Reply.of(text.isEmpty() ? text(stat) : text + "\n" + text(stat), json);
    }
}
