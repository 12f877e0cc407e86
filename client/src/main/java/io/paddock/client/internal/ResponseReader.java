package io.paddock.client.internal;

import io.paddock.protocol.codec.JuteInput;

/** Decodes a successful reply's body, straight from the frame. Runs on the I/O thread. */
@FunctionalInterface
public interface ResponseReader<T> {
    T read(JuteInput in);
}
