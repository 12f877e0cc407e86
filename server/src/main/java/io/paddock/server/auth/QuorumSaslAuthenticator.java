package io.paddock.server.auth;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.QuorumSaslConfig;
import io.paddock.server.config.Secret;
import io.paddock.server.config.SecurityConfig;
import io.paddock.zab.transport.PeerAuthenticator;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

/**
 * Quorum SASL (ZooKeeper's quorum.auth.*) as the peer transport's {@link PeerAuthenticator}:
 * DIGEST-MD5 on the JDK's SASL client and server. A dialling server logs in with the
 * {@code username} and {@code password} options of its learner section
 * (quorum.auth.learner.saslLoginContext, QuorumLearner); an accepting server checks them against
 * the {@code user_<name>} options of its server section (quorum.auth.server.saslLoginContext,
 * QuorumServer), the DigestLoginModule layout ZooKeeper's JAAS files use. Both sections are
 * read at start-up whatever the require keys say, as ZooKeeper does, so a misnamed section
 * stops start-up rather than the first connection.
 *
 * <p>Immutable and thread-safe; each exchange is one connection's.
 */
public final class QuorumSaslAuthenticator implements PeerAuthenticator {
    private final QuorumSaslConfig config;
    private final SaslAuthenticator server;
    private final String username;
    private final Secret password;

    private QuorumSaslAuthenticator(QuorumSaslConfig config, SaslAuthenticator server,
            String username, Secret password) {
        this.config = config;
        this.server = server;
        this.username = username;
        this.password = password;
    }

    /**
     * The transport's authenticator, or null when quorum.auth.enableSasl is off.
     *
     * @throws ConfigException naming the key at fault: the JAAS file, or a section that is
     *     missing or lacks its options
     */
    public static QuorumSaslAuthenticator from(SecurityConfig security) {
        QuorumSaslConfig config = security.quorumSasl();
        if (config == null) {
            return null;
        }
        JaasFile jaas = JaasFile.read(config.jaasConfig(), QuorumSaslConfig.JAAS_PROPERTY);
        var learner = jaas.options(config.learnerLoginContext(), QuorumSaslConfig.LEARNER_CONTEXT);
        String user = learner.get("username");
        String pass = learner.get("password");
        if (user == null || pass == null) {
            throw new ConfigException("the '" + config.learnerLoginContext() + "' section of "
                    + jaas.describe() + " (" + QuorumSaslConfig.LEARNER_CONTEXT
                    + ") needs the username and password options a server logs in to its peers with");
        }
        return new QuorumSaslAuthenticator(config,
                SaslAuthenticator.quorum(jaas, config.serverLoginContext(),
                        QuorumSaslConfig.SERVER_CONTEXT),
                user, Secret.of(pass));
    }

    @Override
    public boolean authenticateDialled() {
        return config.learnerRequireSasl();
    }

    @Override
    public boolean requireAccepted() {
        return config.serverRequireSasl();
    }

    @Override
    public Exchange dialler(long to, String host) throws SaslException {
        SaslClient client = Sasl.createSaslClient(new String[] {SaslAuthenticator.MECHANISM},
                null, SaslAuthenticator.QUORUM_PROTOCOL, SaslAuthenticator.QUORUM_SERVER_NAME,
                null, this::login);
        if (client == null) {
            throw new SaslException("the JDK offers no " + SaslAuthenticator.MECHANISM + " SASL client");
        }
        return new LearnerExchange(client, to);
    }

    @Override
    public Exchange acceptor() throws SaslException {
        return new ServerExchange(server.newExchange());
    }

    private void login(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback nc) {
                nc.setName(username);
            } else if (callback instanceof PasswordCallback pc) {
                pc.setPassword(password.toCharArray());
            } else if (callback instanceof RealmCallback rc) {
                rc.setText(rc.getDefaultText());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    @Override
    public String toString() {
        return "QuorumSaslAuthenticator[" + config + "]";
    }

    /** The learner side: an empty first token unless the mechanism has an initial response. */
    private static final class LearnerExchange implements Exchange {
        private final SaslClient client;
        private final long to;
        private boolean started;

        LearnerExchange(SaslClient client, long to) {
            this.client = client;
            this.to = to;
        }

        @Override
        public byte[] evaluate(byte[] token) throws SaslException {
            if (!started) {
                started = true;
                return client.hasInitialResponse() ? client.evaluateChallenge(new byte[0]) : new byte[0];
            }
            return client.evaluateChallenge(token);
        }

        @Override
        public boolean isComplete() {
            return client.isComplete();
        }

        @Override
        public String peerName() {
            return "server " + to;
        }

        @Override
        public void dispose() {
            try {
                client.dispose();
            } catch (SaslException e) {
                // nothing held that matters
            }
        }
    }

    /** The server side: the user the learner proved is its name in log lines. */
    private record ServerExchange(SaslServer server) implements Exchange {
        @Override
        public byte[] evaluate(byte[] token) throws SaslException {
            return server.evaluateResponse(token);
        }

        @Override
        public boolean isComplete() {
            return server.isComplete();
        }

        @Override
        public String peerName() {
            return server.isComplete() ? server.getAuthorizationID() : "?";
        }

        @Override
        public void dispose() {
            try {
                server.dispose();
            } catch (SaslException e) {
                // nothing held that matters
            }
        }
    }
}
