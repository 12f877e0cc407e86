package io.paddock.zab;

/**
 * The peer's role or phase changed. When {@code role} is LEADING and {@code phase} BROADCAST, the
 * leader serves: the runtime may assign zxids in {@code epoch} (see {@link ZxidSequence}) and
 * propose them. {@code leader} is the peer being followed (or this peer when leading), 0 when
 * LOOKING.
 */
public record RoleChange(Role role, Phase phase, long epoch, long leader) {
}
