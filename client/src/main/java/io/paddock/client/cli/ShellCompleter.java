package io.paddock.client.cli;

import io.paddock.client.PaddockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names in the first word, a command's flags for a word starting with
 * "-", and znode paths otherwise, from the server's children of the parent of what is typed
 * ({@code /app/wo} asks for the children of {@code /app}).
 *
 * <p>Called on the line reader's thread. A path lookup that fails or takes longer than
 * {@link #LOOKUP_WAIT} offers nothing rather than blocking the prompt.
 */
final class ShellCompleter implements Completer {
    private static final Duration LOOKUP_WAIT = Duration.ofSeconds(2);

    private final CommandTable table;
    private final ShellSession session;

    ShellCompleter(CommandTable table, ShellSession session) {
        this.table = table;
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (line.wordIndex() == 0) {
            table.all().forEach(c -> candidates.add(new Candidate(c.name())));
            return;
        }
        Command command = table.get(line.words().get(0));
        if (word.startsWith("-")) {
            if (command != null) {
                command.flagWords().forEach(f -> candidates.add(new Candidate(f)));
            }
            return;
        }
        if (word.isEmpty() || word.startsWith("/")) {
            paths(word, candidates);
        }
    }

    private void paths(String typed, List<Candidate> candidates) {
        PaddockClient client = session.clientOrNull();
        if (client == null) {
            return;
        }
        int slash = typed.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : typed.substring(0, slash);
        List<String> children;
        try {
            children = client.async().getChildren().forPath(parent)
                    .get(LOOKUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (String name : children) {
            String path = Subtree.child(parent, name);
            if (path.startsWith(typed)) {
                // Not "complete": no space is added, so "/" can follow to go deeper.
                candidates.add(new Candidate(path, path, null, null, null, null, false));
            }
        }
    }
}
