package io.paddock.server.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A key store or trust store file as ssl.keyStore.* / ssl.trustStore.* name it.
 *
 * @param location the file
 * @param password its password (PEM: the private key's, empty when it is not encrypted)
 * @param type PKCS12, JKS or PEM; null to infer it from the file name as ZooKeeper does
 * @param keyPrefix "ssl.keyStore" or "ssl.trustStore", to name the keys in errors
 */
public record StoreConfig(Path location, Secret password, String type, String keyPrefix) {
    public StoreConfig {
        Objects.requireNonNull(location, "location");
        password = password == null ? Secret.EMPTY : password;
    }

    /** The store type: the configured one, else from the extension (.p12/.pfx, .jks, .pem). */
    public String resolvedType() {
        if (type != null && !type.isBlank()) {
            String t = type.trim().toUpperCase(Locale.ROOT);
            if (!t.equals("PKCS12") && !t.equals("JKS") && !t.equals("PEM")) {
                throw new ConfigException(keyPrefix + ".type=" + type
                        + " is invalid: expected PKCS12, JKS or PEM");
            }
            return t;
        }
        String name = location.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".pkcs12")) {
            return "PKCS12";
        }
        if (name.endsWith(".jks")) {
            return "JKS";
        }
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".key")) {
            return "PEM";
        }
        throw new ConfigException(keyPrefix + ".type is not set and " + keyPrefix
                + ".location=" + location + " has no known extension (.p12, .pfx, .jks, .pem)");
    }
}
