package io.paddock.server.pipeline;

import java.util.Objects;

/**
 * How a {@link RequestPipeline} is built.
 *
 * @param ringSize slots in each ring, a power of two: how many requests may wait in a ring
 *     before the connections that send more stop being read
 * @param beforeApply runs before each txn is applied ({@link ApplyHook#NONE} outside tests)
 * @param onFatal told once when the log or the apply stage fails and the pipeline stops
 * @param outstandingLimit globalOutstandingLimit: client requests both rings may hold
 *     together before connections stop being read; 0 for only the rings' own bound
 */
public record PipelineSettings(int ringSize, ApplyHook beforeApply, FatalErrorHandler onFatal,
        int outstandingLimit) {

    public PipelineSettings(int ringSize, ApplyHook beforeApply, FatalErrorHandler onFatal) {
        this(ringSize, beforeApply, onFatal, 0);
    }

    public PipelineSettings {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two of at least 2,"
                    + " was " + ringSize);
        }
        Objects.requireNonNull(beforeApply, "beforeApply");
        Objects.requireNonNull(onFatal, "onFatal");
        if (outstandingLimit < 0) {
            throw new IllegalArgumentException("outstanding limit must not be negative");
        }
    }
}
