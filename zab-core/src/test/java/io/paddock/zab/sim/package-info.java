/**
 * The deterministic simulator of the ZAB core (TigerBeetle's VOPR, FoundationDB's simulation).
 *
 * <ul>
 *   <li>{@link io.paddock.zab.sim.Simulation}: one seed derives every option
 *       ({@link io.paddock.zab.sim.SimOptions}: 3, 5 or 7 voters, 0-2 observers, timing, tick skew,
 *       network delay/drop/duplicate/stale rates, disk latency, partial writes, which faults, tiny
 *       maxCounter or maxDiffTxns) and runs real {@link io.paddock.zab.ZabPeer}s through a faulty
 *       safety phase and a healed liveness phase.</li>
 *   <li>{@link io.paddock.zab.sim.SimPeer}: the runtime, following {@link io.paddock.zab.Ready}'s
 *       contract, over a {@link io.paddock.zab.sim.SimDisk} and a
 *       {@link io.paddock.zab.sim.SimNetwork}.</li>
 *   <li>Checks after every step, named after Zab.tla's properties: LeadershipCheck,
 *       IntegrityCheck, TotalOrderCheck, GlobalPrimaryOrderCheck, LocalPrimaryOrderCheck,
 *       PrefixConsistencyCheck, PrimaryIntegrityCheck, AgreementCheck; plus DeliveredIsLoggedCheck
 *       (no holes), AckAfterPersistCheck (durable before acknowledged), and the disk's own
 *       DurableEpochCheck and LogOrderCheck; then LivenessCheck.</li>
 *   <li>{@link io.paddock.zab.sim.SimCluster}: the same runtime, scripted step by step, for the
 *       named scenarios in {@code io.paddock.zab.sim.scenario}.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -pl zab-core -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=ZabSimulationTest} (500 seeds); add {@code -Dpaddock.seed=N} to replay one (the failure
 * report prints this line), {@code -Dpaddock.trace=true} to print its trace live,
 * {@code -Dpaddock.traceLines=N} for a longer trace in the report, {@code -Dpaddock.without=drop,...}
 * to switch fault kinds off while triaging, {@code -Dpaddock.mutations=...} to run a broken core.
 * {@code -Psimulation} runs 100,000 seeds. Failing seeds' reports land in
 * {@code zab-core/target/sim-failures/}.
 *
 * <p>Test code; everything here is single-threaded per run.
 */
package io.paddock.zab.sim;
