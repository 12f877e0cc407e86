package io.paddock.client.cli;

/**
 * What one command produced: the text zkCli would print, and the same facts as a JSON-ready
 * value (maps, lists, strings, numbers) for {@code --json}.
 *
 * @param text lines for the terminal, without a trailing newline; "" prints nothing
 * @param json the machine-readable result; null when the command has none
 */
record Reply(String text, Object json) {
    static final Reply NONE = new Reply("", null);

    static Reply of(String text, Object json) {
        return new Reply(text, json);
    }
}
