package io.paddock.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The SASL server: a JAAS file whose section (Server by default) lists the DIGEST-MD5 users
 * as ZooKeeper's DigestLoginModule options, {@code user_<name>="<password>"}.
 *
 * @param jaasConfig the JAAS configuration file
 * @param loginContext the section to read (zookeeper.sasl.serverconfig)
 * @param superUser the authenticated name that becomes super (zookeeper.superUser), or null
 */
public record SaslConfig(Path jaasConfig, String loginContext, String superUser) {
    public SaslConfig {
        Objects.requireNonNull(jaasConfig, "jaasConfig");
        Objects.requireNonNull(loginContext, "loginContext");
    }
}
