package io.paddock.client.cli;

/**
 * A command that could not run, with the words to print and the exit code one-shot mode
 * returns. Server errors are not wrapped in it; {@link ErrorWords} words those.
 */
final class ShellException extends RuntimeException {
    /** The command ran and the server refused or failed it. */
    static final int FAILED = 1;
    /** Unknown command, bad flags or missing arguments. */
    static final int USAGE = 2;
    /** No session with a server. */
    static final int NOT_CONNECTED = 3;

    private final int exitCode;

    ShellException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static ShellException usage(String message) {
        return new ShellException(USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
