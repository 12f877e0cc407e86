package io.paddock.server.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out zxids in order. Written only by the prepare thread; read by anyone (four-letter
 * words, the handshake's "client is ahead of us" check).
 */
final class ZxidCounter {
    private final AtomicLong last;

    ZxidCounter(long lastZxid) {
        last = new AtomicLong(lastZxid);
    }

    long next() {
        return last.incrementAndGet();
    }

    long last() {
        return last.get();
    }
}
