package io.paddock.server.auth;

import io.paddock.server.config.ConfigException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.URIParameter;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * A JAAS configuration file read with the JDK's own parser, from a path given in the
 * configuration (never through the JVM-wide JAAS setting, so no login module is loaded), and
 * the options of its sections. Errors name the key that pointed at the file and never quote a
 * value from it: the values are passwords.
 *
 * <p>Immutable and thread-safe.
 */
final class JaasFile {
    private final Path file;
    private final String key;
    private final Configuration jaas;

    private JaasFile(Path file, String key, Configuration jaas) {
        this.file = file;
        this.key = key;
        this.jaas = jaas;
    }

    /**
     * @param key the setting that names the file, for error messages
     * @throws ConfigException if the file is missing or does not parse
     */
    static JaasFile read(Path file, String key) {
        try {
            return new JaasFile(file, key, Configuration.getInstance("JavaLoginConfig",
                    new URIParameter(file.toUri())));
        } catch (NoSuchAlgorithmException | SecurityException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // The JDK's parser quotes the offending token, which may be a password.
            String why = String.valueOf(cause.getMessage()).replaceAll("found \\[[^\\]]*\\]", "found [...]");
            throw new ConfigException(key + "=" + file + " cannot be read: " + why);
        }
    }

    /**
     * The string options of every login module of {@code section}.
     *
     * @param sectionKey the key that names the section, for the error message
     * @throws ConfigException if the file has no such section
     */
    Map<String, String> options(String section, String sectionKey) {
        AppConfigurationEntry[] entries = jaas.getAppConfigurationEntry(section);
        if (entries == null || entries.length == 0) {
            throw new ConfigException(key + "=" + file + " has no section named '" + section
                    + "' (" + sectionKey + ")");
        }
        Map<String, String> options = new HashMap<>();
        for (AppConfigurationEntry entry : entries) {
            entry.getOptions().forEach((k, v) -> {
                if (v instanceof String s) {
                    options.put(k, s);
                }
            });
        }
        return options;
    }

    /** Names the file in error messages, as the key gave it. */
    String describe() {
        return key + "=" + file;
    }
}
