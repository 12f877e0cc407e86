package io.paddock.server.auth;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.SaslConfig;
import java.security.NoSuchAlgorithmException;
import java.security.URIParameter;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

/**
 * SASL DIGEST-MD5 as a ZooKeeper server offers it: the users and passwords are the
 * {@code user_<name>="<password>"} options of the JAAS section (Server by default) that
 * ZooKeeper's DigestLoginModule reads, and each connection's exchange runs on the JDK's own
 * SASL server with protocol "zookeeper" and server name "zk-sasl-md5", the names the
 * official client asks for. The JAAS file is read from the path in the configuration, never
 * through the JVM-wide JAAS setting, and no login module is loaded.
 *
 * <p>Immutable after construction and thread-safe; each {@link #newExchange()} is one
 * connection's.
 */
public final class SaslAuthenticator {
    static final String MECHANISM = "DIGEST-MD5";
    private static final String PROTOCOL = "zookeeper";
    private static final String SERVER_NAME = "zk-sasl-md5";
    private static final String USER_PREFIX = "user_";

    private final Map<String, String> passwords;
    private final String superUser;

    private SaslAuthenticator(Map<String, String> passwords, String superUser) {
        this.passwords = Map.copyOf(passwords);
        this.superUser = superUser;
    }

    /** Reads the JAAS section; a missing file, section or user list stops start-up. */
    public static SaslAuthenticator load(SaslConfig config) {
        Configuration jaas;
        try {
            jaas = Configuration.getInstance("JavaLoginConfig",
                    new URIParameter(config.jaasConfig().toUri()));
        } catch (NoSuchAlgorithmException | SecurityException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // The JDK's parser quotes the offending token, which may be a password.
            String why = String.valueOf(cause.getMessage()).replaceAll("found \\[[^\\]]*\\]", "found [...]");
            throw new ConfigException("sasl.jaasConfig=" + config.jaasConfig()
                    + " cannot be read: " + why);
        }
        AppConfigurationEntry[] entries = jaas.getAppConfigurationEntry(config.loginContext());
        if (entries == null) {
            throw new ConfigException("sasl.jaasConfig=" + config.jaasConfig()
                    + " has no section named '" + config.loginContext() + "' (sasl.serverconfig)");
        }
        Map<String, String> users = new HashMap<>();
        for (AppConfigurationEntry entry : entries) {
            entry.getOptions().forEach((k, v) -> {
                if (k.startsWith(USER_PREFIX) && v instanceof String password) {
                    users.put(k.substring(USER_PREFIX.length()), password);
                }
            });
        }
        if (users.isEmpty()) {
            throw new ConfigException("the '" + config.loginContext() + "' section of sasl.jaasConfig="
                    + config.jaasConfig() + " lists no user_<name> option; Paddock's SASL is"
                    + " DIGEST-MD5 with the users listed there");
        }
        return new SaslAuthenticator(users, config.superUser());
    }

    /** The authorization id that also makes a session super (zookeeper.superUser), or null. */
    public String superUser() {
        return superUser;
    }

    /** A new server side of one exchange; the client speaks first, with an empty token. */
    public SaslServer newExchange() throws SaslException {
        SaslServer server = Sasl.createSaslServer(MECHANISM, PROTOCOL, SERVER_NAME, null,
                this::handle);
        if (server == null) {
            throw new SaslException("the JDK offers no " + MECHANISM + " SASL server");
        }
        return server;
    }

    /**
     * As ZooKeeper's SaslServerCallbackHandler: known users only, and the session is
     * authorized as the user who proved the password, whatever id the client asked for.
     */
    private void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        String user = null;
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback nc) {
                user = nc.getDefaultName();
                nc.setName(user);
            } else if (callback instanceof PasswordCallback pc) {
                String password = user == null ? null : passwords.get(user);
                if (password != null) {
                    pc.setPassword(password.toCharArray());
                }
            } else if (callback instanceof RealmCallback rc) {
                rc.setText(rc.getDefaultText());
            } else if (callback instanceof AuthorizeCallback ac) {
                ac.setAuthorized(true);
                ac.setAuthorizedID(ac.getAuthenticationID());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
