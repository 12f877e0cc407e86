package io.paddock.zab.sim;

import static org.junit.jupiter.api.Assertions.fail;

import io.paddock.zab.Mutation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The deterministic simulation in the default suite: {@value #CI_SEEDS} seeds, each a swarm of
 * faults over a safety phase and a liveness phase (see {@link Simulation}).
 *
 * <ul>
 *   <li>{@code -Dpaddock.seed=N} replays one seed (the command a failure prints);</li>
 *   <li>{@code -Dpaddock.seeds=N} runs N seeds from {@code -Dpaddock.seedStart} (default 1);</li>
 *   <li>{@code -Dpaddock.steps=N} changes the faulty steps per seed;</li>
 *   <li>{@code -Dpaddock.threads=N} runs seeds on N threads (runs share nothing);</li>
 *   <li>{@code -Dpaddock.trace=true} prints a replayed seed's trace as it runs;</li>
 *   <li>{@code -Dpaddock.without=drop,compaction,...} switches fault kinds off (triage; see
 *       {@link SimOptions#without});</li>
 *   <li>{@code -Dpaddock.mutations=IGNORE_TRUNC,...} runs a broken core (see {@link MutationsCaughtTest});</li>
 *   <li>{@code -Dpaddock.traceLines=N} keeps N trace lines in a failure report (default 200);</li>
 *   <li>the Maven profile {@code simulation} runs 100,000 seeds.</li>
 * </ul>
 * It prints seeds per second, steps and faults injected.
 */
class ZabSimulationTest {

    static final int CI_SEEDS = 500;

    @Test
    void everySeedKeepsEveryPropertyAndHeals() throws Exception {
        String one = System.getProperty("paddock.seed", "").strip();
        long start = one.isEmpty() ? Long.getLong("paddock.seedStart", 1) : Long.parseLong(one);
        long count = one.isEmpty() ? Long.getLong("paddock.seeds", CI_SEEDS) : 1;
        int steps = Integer.getInteger("paddock.steps", Simulation.DEFAULT_STEPS);
        int threads = Math.max(1, Integer.getInteger("paddock.threads", 1));
        Set<Mutation> mutations = new HashSet<>();
        for (String m : System.getProperty("paddock.mutations", "").split(",")) {
            if (!m.isBlank()) {
                mutations.add(Mutation.valueOf(m.strip()));
            }
        }
        Set<String> without = Set.of(System.getProperty("paddock.without", "").split(","));
        int traceLines = Integer.getInteger("paddock.traceLines", 200);
        boolean echo = !one.isEmpty() && Boolean.getBoolean("paddock.trace");
        AtomicLong next = new AtomicLong(start);
        AtomicLong done = new AtomicLong();
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Batch>> batches = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            batches.add(pool.submit(() -> {
                Batch batch = new Batch();
                for (long seed = next.getAndIncrement(); seed < start + count; seed = next.getAndIncrement()) {
                    SimOptions options = SimOptions.derive(seed, steps, mutations).without(without);
                    Simulation sim = new Simulation(options, traceLines);
                    sim.traceLog().echo(echo);
                    SimResult result = sim.run();
                    batch.stats.add(result.stats());
                    if (!result.ok()) {
                        batch.failures.add(result);
                    }
                    long n = done.incrementAndGet();
                    if (count >= 10_000 && n % 10_000 == 0) {
                        System.out.printf("  %d seeds, %.0f seeds/s%n", n, n / ((System.nanoTime() - began) / 1e9));
                    }
                }
                return batch;
            }));
        }
        SimStats total = new SimStats();
        List<SimResult> failures = new ArrayList<>();
        for (Future<Batch> f : batches) {
            total.add(f.get().stats);
            failures.addAll(f.get().failures);
        }
        pool.shutdown();
        failures.sort(Comparator.comparingLong(SimResult::seed));
        writeReports(failures);
        double seconds = (System.nanoTime() - began) / 1e9;
        String summary = String.format("ZAB simulation: %d seeds (%d..%d, %d steps each) in %.1f s on %d thread(s),"
                + " %.1f seeds/s, %d failed; %s", count, start, start + count - 1, steps, seconds, threads,
                count / seconds, failures.size(), total);
        System.out.println(summary);
        if (!failures.isEmpty()) {
            System.out.println(failures.get(0).failure());
            StringBuilder s = new StringBuilder(summary).append("\nfailing seeds:");
            for (int i = 0; i < Math.min(50, failures.size()); i++) {
                s.append(' ').append(failures.get(i).seed()).append('(').append(failures.get(i).check()).append(')');
            }
            s.append("\n\n").append(failures.get(0).failure());
            fail(s.toString());
        }
    }

    /** Each failing seed's full report goes to target/sim-failures/seed-N.txt (kept by CI as an artifact). */
    private static void writeReports(List<SimResult> failures) throws IOException {
        if (failures.isEmpty()) {
            return;
        }
        Path dir = Path.of("target", "sim-failures");
        Files.createDirectories(dir);
        for (SimResult r : failures) {
            Files.writeString(dir.resolve("seed-" + r.seed() + ".txt"), r.failure());
        }
    }

    private static final class Batch {
        final SimStats stats = new SimStats();
        final List<SimResult> failures = new ArrayList<>();
    }
}
