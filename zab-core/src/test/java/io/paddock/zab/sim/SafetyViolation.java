package io.paddock.zab.sim;

/**
 * A checker found the core (or the runtime contract it drives) breaking a property. The
 * simulator catches it, adds the seed, the replay command and the trace, and fails the run.
 */
public final class SafetyViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String check;

    public SafetyViolation(String check, String message) {
        super(check + ": " + message);
        this.check = check;
    }

    /** The name of the property broken, after Zab.tla where it has one (e.g. PrefixConsistencyCheck). */
    public String check() {
        return check;
    }
}
