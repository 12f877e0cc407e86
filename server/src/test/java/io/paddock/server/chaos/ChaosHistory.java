package io.paddock.server.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * What the chaos clients did and saw, for {@link ChaosChecker}: register reads and
 * compare-and-set writes, and sequential creates, each with its start and end on one clock.
 * Thread-safe: clients record concurrently.
 */
final class ChaosHistory {

    /** How an operation ended: acknowledged, refused (it did not happen), or unknown. */
    enum Outcome { OK, FAILED, UNKNOWN }

    /**
     * A read ({@code write == false}: saw {@code value} at {@code version}) or a CAS write (from
     * {@code version - 1} to {@code version}, writing {@code value}) of one register.
     */
    record RegisterOp(int client, String key, boolean write, long start, long end,
            Outcome outcome, int version, String value) {
    }

    /** A sequential create: the name the server gave it (null unless acknowledged). */
    record CreateOp(int client, long start, long end, Outcome outcome, String name) {
    }

    private final List<RegisterOp> registerOps = new ArrayList<>();
    private final List<CreateOp> createOps = new ArrayList<>();

    synchronized void add(RegisterOp op) {
        registerOps.add(op);
    }

    synchronized void add(CreateOp op) {
        createOps.add(op);
    }

    synchronized List<RegisterOp> registerOps() {
        return List.copyOf(registerOps);
    }

    synchronized List<CreateOp> createOps() {
        return List.copyOf(createOps);
    }
}
