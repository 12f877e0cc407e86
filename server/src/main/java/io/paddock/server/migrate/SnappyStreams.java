package io.paddock.server.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.xerial.snappy.SnappyInputStream;
import org.xerial.snappy.SnappyOutputStream;

/**
 * snappy-java's streams, behind a class of their own so that snappy-java is loaded only when a
 * {@code .snappy} snapshot is read or written: a classpath without it still imports the rest.
 *
 * <p>Stateless and thread-safe.
 */
final class SnappyStreams {
    private SnappyStreams() {
    }

    static InputStream in(InputStream raw) throws IOException {
        return new SnappyInputStream(raw);
    }

    static OutputStream out(OutputStream raw) {
        return new SnappyOutputStream(raw);
    }
}
