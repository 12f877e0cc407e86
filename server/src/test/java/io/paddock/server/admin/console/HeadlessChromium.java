package io.paddock.server.admin.console;

import io.paddock.testing.Timing;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chromium in headless mode, run once per page: {@code --dump-dom} prints the document after
 * its scripts ran (for {@code budgetMs} of virtual time, which also lets its fetches and
 * timers run), {@code --screenshot} writes a PNG. Each run gets a fresh profile directory so
 * that runs never share state.
 */
final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser",
            "google-chrome", "google-chrome-stable");
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);

    private final Path binary;
    private final Path work;

    private HeadlessChromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** The first Chromium on the PATH, or null when there is none. */
    static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    static HeadlessChromium at(Path binary, Path work) {
        return new HeadlessChromium(binary, work);
    }

    String dumpDom(String url, int budgetMs) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "dom", ".html");
        run(List.of("--dump-dom", "--virtual-time-budget=" + budgetMs, url), out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    void screenshot(String url, Path png, int budgetMs) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,900",
                "--hide-scrollbars", "--virtual-time-budget=" + budgetMs, url),
                Files.createTempFile(work, "shot", ".log"));
    }

    private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless",
                "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path stderr = Files.createTempFile(work, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        if (!Timing.waitFor(p, RUN_LIMIT)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + RUN_LIMIT + ": " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + p.exitValue() + ": " + cmd + "\n"
                    + Files.readString(stderr));
        }
    }
}
