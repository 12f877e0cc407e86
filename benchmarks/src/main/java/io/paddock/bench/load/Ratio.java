package io.paddock.bench.load;

import java.util.Locale;

/** Paddock-over-ZooKeeper ratios, printed the same way everywhere. */
final class Ratio {
    private Ratio() {
    }

    static double of(double paddock, double zookeeper) {
        return zookeeper == 0 ? Double.NaN : paddock / zookeeper;
    }

    static String format(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
