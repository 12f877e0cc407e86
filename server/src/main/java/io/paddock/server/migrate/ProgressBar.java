package io.paddock.server.migrate;

import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal stream, redrawn in place when the percentage moves, for
 * reads large enough to take a noticeable time; smaller ones draw nothing.
 *
 * <p>Not thread-safe: the reading thread only.
 */
final class ProgressBar implements Progress {
    private static final long WORTH_DRAWING = 8L << 20;
    private static final int WIDTH = 40;

    private final PrintStream out;
    private long total;
    private long done;
    private int lastPercent = -1;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void start(long totalBytes) {
        total = totalBytes;
        done = 0;
        lastPercent = -1;
        draw();
    }

    @Override
    public void advance(long bytes) {
        done += bytes;
        draw();
    }

    @Override
    public void finish() {
        if (total >= WORTH_DRAWING) {
            done = total;
            draw();
            out.println();
        }
    }

    private void draw() {
        if (total < WORTH_DRAWING) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d%% %d/%d MiB", percent, Math.min(done, total) >> 20,
                        total >> 20));
        out.flush();
    }
}
