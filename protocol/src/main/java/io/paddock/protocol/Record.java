package io.paddock.protocol;

import io.paddock.protocol.codec.JuteOutput;

/**
 * A jute record of the ZooKeeper wire protocol. Each implementation is a Java record whose
 * components follow the field order of {@code zookeeper.jute}, and has a static
 * {@code read(JuteInput)} factory beside this {@code write}.
 */
public interface Record {
    void write(JuteOutput out);
}
