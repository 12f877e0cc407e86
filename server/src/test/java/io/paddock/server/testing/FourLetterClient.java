package io.paddock.server.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Asks a server on 127.0.0.1 a four-letter word, as nc would. Stateless. */
public final class FourLetterClient {
    private FourLetterClient() {
    }

    public static String ask(int port, String word) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** mntr's key/value lines as a map. */
    public static Map<String, String> mntr(int port) throws IOException {
        Map<String, String> metrics = new HashMap<>();
        for (String line : ask(port, "mntr").split("\n")) {
            String[] kv = line.split("\t", 2);
            if (kv.length == 2) {
                metrics.put(kv[0], kv[1]);
            }
        }
        return metrics;
    }
}
