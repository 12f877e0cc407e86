package io.paddock.server.chaos;

import io.paddock.server.chaos.ChaosHistory.CreateOp;
import io.paddock.server.chaos.ChaosHistory.Outcome;
import io.paddock.server.chaos.ChaosHistory.RegisterOp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a chaos run against what ZooKeeper promises, and nothing more (reads may be stale
 * across sessions; a write whose answer was lost may or may not have happened):
 * <ul>
 *   <li>one chain of versions per register: no two writes acknowledged for the same version, and
 *       every read of a version saw the value the write of that version wrote;</li>
 *   <li>no acknowledged write lost: the final state holds, at each acknowledged write's version
 *       or later, a version that some write produced, and the final value is the one the write
 *       of the final version wrote;</li>
 *   <li>writes in real-time order: an acknowledged write that ended before another began has
 *       the lower version (writes are linearizable);</li>
 *   <li>no session goes back in time: each client sees a register's version never decrease;</li>
 *   <li>sequential creates: acknowledged names are unique, all exist at the end, and an
 *       acknowledged create that ended before another began got the lower sequence number.</li>
 * </ul>
 * Pure: a history and a final state in, violations out.
 */
final class ChaosChecker {

    private ChaosChecker() {
    }

    /**
     * @param finalRegisters each register's final version and value, read after the run
     * @param finalCreated the sequential nodes that exist after the run
     * @return one line per violation; empty if the run kept every promise
     */
    static List<String> check(ChaosHistory history, Map<String, RegisterOp> finalRegisters,
            Set<String> finalCreated) {
        List<String> violations = new ArrayList<>();
        List<RegisterOp> ops = history.registerOps();
        Map<String, Map<Integer, RegisterOp>> writesByVersion = versionChains(ops, violations);
        readsMatchWrites(ops, writesByVersion, violations);
        nothingAcknowledgedLost(ops, writesByVersion, finalRegisters, violations);
        writesInRealTimeOrder(ops, violations);
        sessionsNeverGoBack(ops, violations);
        creates(history.createOps(), finalCreated, violations);
        return violations;
    }

    private static Map<String, Map<Integer, RegisterOp>> versionChains(List<RegisterOp> ops,
            List<String> violations) {
        Map<String, Map<Integer, RegisterOp>> chains = new HashMap<>();
        for (RegisterOp op : ops) {
            if (!op.write() || op.outcome() != Outcome.OK) {
                continue;
            }
            RegisterOp before = chains.computeIfAbsent(op.key(), k -> new HashMap<>())
                    .putIfAbsent(op.version(), op);
            if (before != null) {
                violations.add(op.key() + ": two acknowledged writes made version " + op.version()
                        + " (" + before.value() + ", " + op.value() + ")");
            }
        }
        return chains;
    }

    /** A read of version v saw the value of the write of v, when that write was acknowledged. */
    private static void readsMatchWrites(List<RegisterOp> ops,
            Map<String, Map<Integer, RegisterOp>> chains, List<String> violations) {
        Map<String, String> unknownValues = new HashMap<>();
        for (RegisterOp op : ops) {
            if (op.write() && op.outcome() != Outcome.FAILED) {
                unknownValues.put(op.key() + "#" + op.value(), op.value());
            }
        }
        for (RegisterOp op : ops) {
            if (op.write() || op.outcome() != Outcome.OK || op.version() == 0) {
                continue;
            }
            RegisterOp w = chains.getOrDefault(op.key(), Map.of()).get(op.version());
            if (w != null && !w.value().equals(op.value())) {
                violations.add(op.key() + ": client " + op.client() + " read '" + op.value()
                        + "' at version " + op.version() + ", which the acknowledged write '"
                        + w.value() + "' made");
            } else if (w == null && !unknownValues.containsKey(op.key() + "#" + op.value())) {
                violations.add(op.key() + ": client " + op.client() + " read '" + op.value()
                        + "', which no write wrote");
            }
        }
    }

    private static void nothingAcknowledgedLost(List<RegisterOp> ops,
            Map<String, Map<Integer, RegisterOp>> chains, Map<String, RegisterOp> finals,
            List<String> violations) {
        for (Map.Entry<String, Map<Integer, RegisterOp>> e : chains.entrySet()) {
            int highestAcked = e.getValue().keySet().stream().mapToInt(Integer::intValue).max()
                    .orElse(0);
            RegisterOp last = finals.get(e.getKey());
            if (last == null || last.version() < highestAcked) {
                violations.add(e.getKey() + ": acknowledged version " + highestAcked
                        + " lost; the final state has " + (last == null ? "nothing"
                        : "version " + last.version()));
                continue;
            }
            RegisterOp w = e.getValue().get(last.version());
            if (w != null && !w.value().equals(last.value())) {
                violations.add(e.getKey() + ": final value '" + last.value() + "' at version "
                        + last.version() + " but the acknowledged write of it was '" + w.value()
                        + "'");
            }
        }
    }

    private static void writesInRealTimeOrder(List<RegisterOp> ops, List<String> violations) {
        Map<String, List<RegisterOp>> byKey = new HashMap<>();
        for (RegisterOp op : ops) {
            if (op.write() && op.outcome() == Outcome.OK) {
                byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
            }
        }
        for (List<RegisterOp> writes : byKey.values()) {
            writes.sort(Comparator.comparingLong(RegisterOp::end));
            int highestEnded = Integer.MIN_VALUE;
            RegisterOp witness = null;
            List<RegisterOp> byStart = new ArrayList<>(writes);
            byStart.sort(Comparator.comparingLong(RegisterOp::start));
            int i = 0;
            for (RegisterOp w : byStart) {
                while (i < writes.size() && writes.get(i).end() < w.start()) {
                    if (writes.get(i).version() > highestEnded) {
                        highestEnded = writes.get(i).version();
                        witness = writes.get(i);
                    }
                    i++;
                }
                if (witness != null && w.version() <= highestEnded) {
                    violations.add(w.key() + ": write '" + w.value() + "' (version " + w.version()
                            + ") began after '" + witness.value() + "' (version "
                            + witness.version() + ") was acknowledged, yet has a lower version");
                }
            }
        }
    }

    private static void sessionsNeverGoBack(List<RegisterOp> ops, List<String> violations) {
        Map<String, RegisterOp> lastSeen = new HashMap<>();
        List<RegisterOp> sorted = new ArrayList<>(ops);
        sorted.sort(Comparator.comparingLong(RegisterOp::start));
        for (RegisterOp op : sorted) {
            if (op.outcome() != Outcome.OK) {
                continue;
            }
            String k = op.client() + "|" + op.key();
            RegisterOp before = lastSeen.get(k);
            if (before != null && op.version() < before.version()) {
                violations.add(op.key() + ": client " + op.client() + " saw version "
                        + op.version() + " after version " + before.version());
            }
            if (before == null || op.version() >= before.version()) {
                lastSeen.put(k, op);
            }
        }
    }

    private static void creates(List<CreateOp> creates, Set<String> finalCreated,
            List<String> violations) {
        Map<String, CreateOp> names = new HashMap<>();
        List<CreateOp> acked = new ArrayList<>();
        for (CreateOp c : creates) {
            if (c.outcome() != Outcome.OK) {
                continue;
            }
            acked.add(c);
            CreateOp before = names.putIfAbsent(c.name(), c);
            if (before != null) {
                violations.add("sequential node " + c.name() + " acknowledged twice");
            }
            if (!finalCreated.contains(c.name())) {
                violations.add("acknowledged sequential node " + c.name() + " is gone");
            }
        }
        for (CreateOp a : acked) {
            for (CreateOp b : acked) {
                if (a.end() < b.start() && a.name().compareTo(b.name()) > 0) {
                    violations.add("sequential node " + b.name() + " was created after "
                            + a.name() + " was acknowledged, yet sorts before it");
                }
            }
        }
    }
}
