package io.paddock.zab.sim;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deterministic simulation in the default suite: {@value #CI_SEEDS} seeds, each a swarm of
 * faults over a safety phase and a liveness phase (see {@link Simulation}).
 *
 * <ul>
 *   <li>{@code -Dpaddock.seed=N} replays one seed (the command a failure prints);</li>
 *   <li>{@code -Dpaddock.seeds=N} runs N seeds from {@code -Dpaddock.seedStart} (default 1);</li>
 *   <li>{@code -Dpaddock.steps=N} changes the faulty steps per seed;</li>
 *   <li>{@code -Dpaddock.trace=true} prints the replayed seed's trace as it runs;</li>
 *   <li>the Maven profile {@code simulation} runs 100,000 seeds.</li>
 * </ul>
 * It prints seeds per second, steps and faults injected.
 */
class ZabSimulationTest {

    static final int CI_SEEDS = 500;

    @Test
    void everySeedKeepsEveryPropertyAndHeals() {
        String one = System.getProperty("paddock.seed");
        long start = Long.getLong("paddock.seedStart", 1);
        long count = one != null ? 1 : Long.getLong("paddock.seeds", CI_SEEDS);
        if (one != null) {
            start = Long.parseLong(one.strip());
        }
        int steps = Integer.getInteger("paddock.steps", Simulation.DEFAULT_STEPS);
        SimStats total = new SimStats();
        List<SimResult> failures = new ArrayList<>();
        long began = System.nanoTime();
        for (long seed = start; seed < start + count; seed++) {
            Simulation sim = new Simulation(SimOptions.derive(seed, steps, Set.of()));
            if (one != null && Boolean.getBoolean("paddock.trace")) {
                sim.trace().echo(true);
            }
            SimResult result = sim.run();
            total.add(result.stats());
            if (!result.ok()) {
                failures.add(result);
                if (failures.size() == 1) {
                    System.out.println(result.failure());
                }
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        String summary = String.format("ZAB simulation: %d seeds (%d..%d) in %.1f s, %.0f seeds/s, %d failed; %s",
                count, start, start + count - 1, seconds, count / seconds, failures.size(), total);
        System.out.println(summary);
        if (!failures.isEmpty()) {
            StringBuilder s = new StringBuilder(summary).append("\nfailing seeds:");
            for (int i = 0; i < Math.min(50, failures.size()); i++) {
                s.append(' ').append(failures.get(i).seed()).append('(').append(failures.get(i).check()).append(')');
            }
            s.append("\n\n").append(failures.get(0).failure());
            fail(s.toString());
        }
    }
}
