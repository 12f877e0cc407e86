package io.paddock.server.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Sends one four-letter word on a fresh socket and returns the whole answer. Stateless. */
final class FourLetterWords {
    private FourLetterWords() {
    }

    static String send(int port, String command) throws IOException {
        try (RawConnection connection = RawConnection.open(port)) {
            connection.writeAscii(command);
            return new String(connection.readToEnd(), StandardCharsets.UTF_8);
        }
    }
}
