package io.paddock.server.auth;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.SaslConfig;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
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
    static final String QUORUM_PROTOCOL = "zookeeper-quorum";
    static final String QUORUM_SERVER_NAME = "zk-quorum-sasl-md5";
    private static final String USER_PREFIX = "user_";

    private final Map<String, String> passwords;
    private final String superUser;
    private final String protocol;
    private final String serverName;

    private SaslAuthenticator(Map<String, String> passwords, String superUser, String protocol,
            String serverName) {
        this.passwords = Map.copyOf(passwords);
        this.superUser = superUser;
        this.protocol = protocol;
        this.serverName = serverName;
    }

    /** Reads the JAAS section; a missing file, section or user list stops start-up. */
    public static SaslAuthenticator load(SaslConfig config) {
        JaasFile jaas = JaasFile.read(config.jaasConfig(), "sasl.jaasConfig");
        Map<String, String> users = users(jaas, config.loginContext(), "sasl.serverconfig");
        return new SaslAuthenticator(users, config.superUser(), PROTOCOL, SERVER_NAME);
    }

    /**
     * The DIGEST-MD5 server of quorum connections (ZooKeeper's quorum SASL): the users of the
     * server's JAAS section, protocol "zookeeper-quorum" and server name "zk-quorum-sasl-md5".
     */
    static SaslAuthenticator quorum(JaasFile jaas, String section, String sectionKey) {
        return new SaslAuthenticator(users(jaas, section, sectionKey), null, QUORUM_PROTOCOL,
                QUORUM_SERVER_NAME);
    }

    private static Map<String, String> users(JaasFile jaas, String section, String sectionKey) {
        Map<String, String> users = new HashMap<>();
        jaas.options(section, sectionKey).forEach((k, v) -> {
            if (k.startsWith(USER_PREFIX)) {
                users.put(k.substring(USER_PREFIX.length()), v);
            }
        });
        if (users.isEmpty()) {
            throw new ConfigException("the '" + section + "' section of " + jaas.describe()
                    + " (" + sectionKey + ") lists no user_<name> option; Paddock's SASL is"
                    + " DIGEST-MD5 with the users listed there");
        }
        return users;
    }

    /** The authorization id that also makes a session super (zookeeper.superUser), or null. */
    public String superUser() {
        return superUser;
    }

    /** A new server side of one exchange; the client speaks first, with an empty token. */
    public SaslServer newExchange() throws SaslException {
        SaslServer server = Sasl.createSaslServer(MECHANISM, protocol, serverName, null,
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
