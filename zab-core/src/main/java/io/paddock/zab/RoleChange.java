package io.paddock.zab;

/**
 * The peer's role, phase, epoch or leader changed; a Ready carries the latest one only. When
 * {@code role} is LEADING and {@code phase} BROADCAST, the leader serves: the runtime may assign
 * zxids in {@code epoch} (see {@link ZxidSequence}) and propose them. A later change with the same
 * role and phase and a higher epoch is an epoch rollover: the runtime re-establishes its
 * {@link ZxidSequence} in the new epoch and keeps serving (zxids already handed out in the old
 * epoch may still be proposed, in order, up to {@link PeerConfig#maxCounter()}). {@code leader} is
 * the peer being followed (or this peer when leading), 0 when LOOKING.
 *
 * <p>{@code epoch} is the epoch the peer works in: the serving epoch for a leader in BROADCAST,
 * the epoch being established in SYNCHRONIZATION, the currentEpoch otherwise.
 */
public record RoleChange(Role role, Phase phase, long epoch, long leader) {
}
