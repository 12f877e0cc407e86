package io.paddock.client.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as zkCli does: on whitespace, with single or double quotes
 * grouping a word that holds spaces ({@code set /a "hello world"}).
 *
 * <p>Thread-safe: stateless.
 */
final class LineWords {
    private LineWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw ShellException.usage("unclosed quote " + quote + " in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
