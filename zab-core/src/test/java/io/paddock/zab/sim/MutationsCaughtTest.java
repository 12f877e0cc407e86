package io.paddock.zab.sim;

import static org.junit.jupiter.api.Assertions.fail;

import io.paddock.zab.Mutation;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulator has teeth: for every deliberately broken variant of the core ({@link Mutation}),
 * some seed among the first {@value #BOUND} makes a check fail that the same seed passes on the
 * unbroken core (so a bug of the real core does not count as a catch). Prints how many seeds each
 * took and which property caught it.
 */
class MutationsCaughtTest {

    /** Seeds tried per mutation before the test gives up. */
    static final int BOUND = 2_000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mutation.class)
    void theSimulationCatchesIt(Mutation mutation) {
        int steps = Integer.getInteger("paddock.steps", Simulation.DEFAULT_STEPS);
        long began = System.nanoTime();
        for (long seed = 1; seed <= BOUND; seed++) {
            SimResult result = new Simulation(SimOptions.derive(seed, steps, Set.of(mutation))).run();
            if (!result.ok() && new Simulation(SimOptions.derive(seed, steps, Set.of())).run().ok()) {
                System.out.printf("mutation %s caught after %d seeds (seed %d, %s) in %.1f s%n", mutation, seed,
                        seed, result.check(), (System.nanoTime() - began) / 1e9);
                System.out.println(firstLines(result.failure(), 3));
                return;
            }
        }
        fail("mutation " + mutation + " survived " + BOUND + " seeds: the simulator cannot see it");
    }

    private static String firstLines(String text, int n) {
        String[] lines = text.split("\n");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(n, lines.length); i++) {
            s.append(lines[i]).append('\n');
        }
        return s.toString();
    }
}
