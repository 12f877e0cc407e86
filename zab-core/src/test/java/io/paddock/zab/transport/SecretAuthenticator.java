package io.paddock.zab.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A toy {@link PeerAuthenticator} for transport tests: the server sends a nonce, the learner
 * answers with the nonce and its secret, the server compares and sends "ok". Counts refusals.
 * Thread-safe.
 */
final class SecretAuthenticator implements PeerAuthenticator {
    private final String secret;
    private final boolean dialledAuthenticate;
    private final boolean required;
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger successes = new AtomicInteger();

    SecretAuthenticator(String secret, boolean dialledAuthenticate, boolean required) {
        this.secret = secret;
        this.dialledAuthenticate = dialledAuthenticate;
        this.required = required;
    }

    @Override
    public boolean authenticateDialled() {
        return dialledAuthenticate;
    }

    @Override
    public boolean requireAccepted() {
        return required;
    }

    @Override
    public Exchange dialler(long to, String host) {
        return new Exchange() {
            private int step;
            private boolean complete;

            @Override
            public byte[] evaluate(byte[] token) {
                step++;
                if (step == 1) {
                    return new byte[0];
                }
                if (step == 2) {
                    return (new String(token, StandardCharsets.UTF_8) + ":" + secret)
                            .getBytes(StandardCharsets.UTF_8);
                }
                complete = Arrays.equals(token, "ok".getBytes(StandardCharsets.UTF_8));
                return null;
            }

            @Override
            public boolean isComplete() {
                return complete;
            }

            @Override
            public String peerName() {
                return "server " + to;
            }

            @Override
            public void dispose() {
            }
        };
    }

    @Override
    public Exchange acceptor() {
        String nonce = Long.toHexString(System.nanoTime());
        return new Exchange() {
            private boolean complete;

            @Override
            public byte[] evaluate(byte[] token) throws Exception {
                if (token.length == 0) {
                    return nonce.getBytes(StandardCharsets.UTF_8);
                }
                if (!new String(token, StandardCharsets.UTF_8).equals(nonce + ":" + secret)) {
                    failures.incrementAndGet();
                    throw new Exception("wrong secret");
                }
                complete = true;
                successes.incrementAndGet();
                return "ok".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public boolean isComplete() {
                return complete;
            }

            @Override
            public String peerName() {
                return "learner";
            }

            @Override
            public void dispose() {
            }
        };
    }
}
