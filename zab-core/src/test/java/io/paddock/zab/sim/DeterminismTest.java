package io.paddock.zab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A seed replays exactly: the same run twice in one JVM gives the same trace and counters. */
class DeterminismTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 45, 126})
    void aSeedReplaysExactly(long seed) {
        Simulation first = new Simulation(SimOptions.derive(seed, Simulation.DEFAULT_STEPS, Set.of()));
        SimResult a = first.run();
        Simulation second = new Simulation(SimOptions.derive(seed, Simulation.DEFAULT_STEPS, Set.of()));
        SimResult b = second.run();
        assertEquals(first.traceLog().lines(), second.traceLog().lines());
        assertEquals(a.stats().toString(), b.stats().toString());
        assertEquals(a.check(), b.check());
    }
}
