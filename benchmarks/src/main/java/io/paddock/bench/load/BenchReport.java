package io.paddock.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A finished side-by-side run: the options, the rows, and the facts a reader needs to read the
 * figures right. Immutable once built.
 *
 * @param options what was asked for
 * @param rows every row, in run order
 * @param environment one line per fact about the machine and the versions
 */
public record BenchReport(BenchOptions options, List<RowResult> rows, List<String> environment) {

    /** Whether any request of any row failed or went unanswered. */
    public boolean hasErrors() {
        return rows.stream().anyMatch(r -> r.summary(ServerKind.PADDOCK).errorCount() > 0
                || r.summary(ServerKind.ZOOKEEPER).errorCount() > 0);
    }

    /** What must be printed beside the figures so nobody misreads them. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("Both servers are durable here: each fsyncs its transaction log before "
                + "acknowledging a write (forceSync=yes), Paddock once per Disruptor batch "
                + "(group commit), ZooKeeper once per batch of its sync thread.");
        notes.add(String.format(Locale.ROOT, "%d CPU cores shared by the client, both servers "
                + "and whatever else runs on the machine: the client's own CPU is part of every "
                + "figure and the figures are noisy. Ops per server CPU-second is the steadier "
                + "comparison.", Runtime.getRuntime().availableProcessors()));
        notes.add(String.format(Locale.ROOT, "Both servers run at once as child JVMs (-Xms/-Xmx "
                + "%d MB, tickTime %d ms, the same zoo.cfg); warm-up is not counted%s; each row is "
                + "repeated %d time(s), alternating which server goes first, and the median is "
                + "shown with its [min-max].", options.settings().heapMb(),
                options.settings().tickTimeMs(), options.mode().warmUpRepeat()
                        ? " (a mix, every request kind, then one unmeasured run of each row "
                                + "per server)" : "",
                options.repeats()));
        notes.add(clientNote());
        notes.add(errorNote());
        return notes;
    }

    private String clientNote() {
        if (options.client() == LoadClient.OFFICIAL) {
            return "Every row is driven by the official ZooKeeper Java client's async API "
                    + "(--client official), on both servers alike.";
        }
        return "The throughput rows (create, setData, getData, exists, the mix) are driven by "
                + "Paddock's own client (io.paddock.client.PaddockClient, client.async(); "
                + "--client paddock) on both servers alike, the same closed loop as with the "
                + "official client; it sends create as CREATE2, whose reply carries the Stat. "
                + "The watch and session-churn rows still use the official ZooKeeper client.";
    }

    private String errorNote() {
        if (!hasErrors()) {
            return "No errors: both servers answered every request.";
        }
        return "THIS RUN HAD ERRORS: " + rows.stream()
                .flatMap(r -> List.of(ServerKind.values()).stream()
                        .filter(k -> r.summary(k).errorCount() > 0)
                        .map(k -> r.row().name() + " on " + k.label() + " "
                                + r.summary(k).errors()))
                .collect(Collectors.joining("; "));
    }
}
