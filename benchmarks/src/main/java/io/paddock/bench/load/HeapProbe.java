package io.paddock.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a child JVM's live heap the same way for both servers: {@code jcmd <pid> GC.run} (a
 * full collection), then
 * {@code jcmd <pid> GC.heap_info}, whose first line reads
 * {@code garbage-first heap total 2097152K, used 123456K}. Both children run on the JDK that
 * runs the benchmark, with its default collector, so the figure means the same for both.
 *
 * <p>Stateless and thread-safe.
 */
final class HeapProbe {
    private static final Pattern USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final String jcmd;

    HeapProbe() {
        // The jcmd beside the java that runs the benchmark (and so the children).
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path sibling = java.resolveSibling("jcmd");
        this.jcmd = sibling.toFile().canExecute() ? sibling.toString() : "jcmd";
    }

    /** Heap in use after a forced full GC, in bytes. */
    long usedAfterFullGc(long pid) throws IOException, InterruptedException {
        run(pid, "GC.run");
        String info = run(pid, "GC.heap_info");
        Matcher m = USED.matcher(info);
        if (!m.find()) {
            throw new IOException("cannot read heap use from jcmd GC.heap_info:\n" + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private String run(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed:\n" + out);
        }
        return out;
    }
}
