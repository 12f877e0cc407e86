package io.paddock.server.auth;

import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;

/**
 * JAAS sections for the official client in tests: each name maps to ZooKeeper's
 * DigestLoginModule with a user and password. Immutable.
 */
public final class JaasClientSections extends Configuration {
    private final Map<String, List<String>> users;

    /** @param users section name to [user, password] */
    public JaasClientSections(Map<String, List<String>> users) {
        this.users = Map.copyOf(users);
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
        List<String> user = users.get(name);
        if (user == null) {
            return null;
        }
        return new AppConfigurationEntry[] {new AppConfigurationEntry(
                "org.apache.zookeeper.server.auth.DigestLoginModule",
                LoginModuleControlFlag.REQUIRED,
                Map.of("username", user.get(0), "password", user.get(1)))};
    }
}
