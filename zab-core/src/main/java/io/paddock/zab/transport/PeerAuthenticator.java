package io.paddock.zab.transport;

/**
 * Authentication between the servers of an ensemble (ZooKeeper's quorum SASL): on every
 * connection, election and quorum port alike, the server that dials is the <em>learner</em> and
 * the one that accepts is the <em>server</em> of one challenge-response exchange, run by
 * {@link PeerAuthHandler} before the first Hello or snapshot frame. The mechanism (SASL
 * DIGEST-MD5 with a JAAS file, in the server module) lives behind this seam, so the transport
 * knows tokens, not credentials.
 *
 * <p>Rolling upgrade, as ZooKeeper's {@code quorum.auth.*} keys: with this authenticator set, an
 * accepting server answers a dialler that authenticates and, unless {@link #requireAccepted()},
 * also lets one in that does not. A dialler authenticates only when
 * {@link #authenticateDialled()}, and then refuses a peer that does not complete the exchange.
 * A failed exchange (a wrong password) always closes the connection.
 *
 * <p>Implementations must be thread-safe; each {@link Exchange} is one connection's and is used
 * on that connection's event loop only.
 */
public interface PeerAuthenticator {

    /** Whether connections this server dials authenticate (quorum.auth.learnerRequireSasl). */
    boolean authenticateDialled();

    /** Whether an accepted connection that does not authenticate is refused (serverRequireSasl). */
    boolean requireAccepted();

    /**
     * The learner side of one exchange, for a connection to server {@code to} at {@code host}.
     *
     * @throws Exception if the exchange cannot be set up; the connection is then closed
     */
    Exchange dialler(long to, String host) throws Exception;

    /**
     * The server side of one exchange.
     *
     * @throws Exception if the exchange cannot be set up; the connection is then closed
     */
    Exchange acceptor() throws Exception;

    /** One connection's side of a challenge-response exchange. */
    interface Exchange {

        /**
         * Evaluates the peer's token: for the learner, the server's challenge (an empty array
         * asks for the initial response); for the server, the learner's response.
         *
         * @return the token to send back, possibly empty; null when nothing more is to be sent
         * @throws Exception when the peer's token is wrong: authentication failed
         */
        byte[] evaluate(byte[] token) throws Exception;

        /** Whether the exchange succeeded. */
        boolean isComplete();

        /** Who the peer proved to be (the server side's authorised id), for log lines. */
        String peerName();

        /** Releases what the exchange holds; called once, whatever the outcome. */
        void dispose();
    }
}
