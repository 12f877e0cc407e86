package io.paddock.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The process environment the envi four-letter word (and the envi and system_properties admin
 * commands) report. Lives in the config package
 * because it is the one place allowed to read system properties.
 */
public final class JvmEnvironment {
    private static final String CRL_DP = "com.sun.security.enableCRLDP";

    private JvmEnvironment() {
    }

    public static Map<String, String> describe(String version) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("zookeeper.version", version);
        env.put("host.name", hostName());
        for (String key : new String[] {"java.version", "java.vendor", "java.home",
                "java.class.path", "java.library.path", "java.io.tmpdir"}) {
            env.put(key, System.getProperty(key, "<NA>"));
        }
        env.put("java.compiler", "<NA>");
        for (String key : new String[] {"os.name", "os.arch", "os.version", "user.name",
                "user.home", "user.dir"}) {
            env.put(key, System.getProperty(key, "<NA>"));
        }
        Runtime rt = Runtime.getRuntime();
        env.put("os.memory.free", rt.freeMemory() / (1024 * 1024) + "MB");
        env.put("os.memory.max", rt.maxMemory() / (1024 * 1024) + "MB");
        env.put("os.memory.total", rt.totalMemory() / (1024 * 1024) + "MB");
        return env;
    }

    /**
     * Lets the JDK fetch certificate revocation lists from the CRL distribution points of the
     * certificates it checks (ssl.quorum.crl=true), as ZooKeeper's X509Util does: the JDK reads
     * only this JVM-wide property for it. An operator's own setting is left alone.
     */
    public static void enableCrlDistributionPoints() {
        if (System.getProperty(CRL_DP) == null) {
            System.setProperty(CRL_DP, "true");
        }
    }

    /** Whether the JDK fetches CRLs from distribution points (see above). */
    public static boolean crlDistributionPointsEnabled() {
        return Boolean.parseBoolean(System.getProperty(CRL_DP));
    }

    /** [ops] Every system property, sorted by name (the system_properties admin command). */
    public static SortedMap<String, String> systemProperties() {
        SortedMap<String, String> out = new TreeMap<>();
        System.getProperties().forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "<NA>";
        }
    }
}
