package io.paddock.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive loop on a JLine terminal: prompt, line editing, history kept in a file, tab
 * completion; each line goes to the interpreter. Ends at quit or end of input (Ctrl-D); Ctrl-C
 * drops the line being typed.
 *
 * <p>Runs on the caller's thread.
 */
final class InteractiveShell {
    private final Interpreter interpreter;
    private final ShellSession session;

    InteractiveShell(Interpreter interpreter, ShellSession session) {
        this.interpreter = interpreter;
        this.session = session;
    }

    /** Reads and runs lines until quit; returns the last command's exit code, as zkCli does. */
    int run(Terminal terminal, Path historyFile) {
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal)
                .appName("paddock")
                .completer(new ShellCompleter(interpreter.table(), session))
                // Data may hold '!' and '\'; the interpreter does its own quoting.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        LineReader reader = builder.build();
        int last = 0;
        try {
            while (!session.quitRequested()) {
                String line;
                try {
                    line = reader.readLine(session.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                last = interpreter.execute(line);
            }
        } finally {
            saveHistory(reader, historyFile);
        }
        return last;
    }

    private static void saveHistory(LineReader reader, Path historyFile) {
        if (historyFile == null) {
            return;
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the history to " + historyFile, e);
        }
    }
}
