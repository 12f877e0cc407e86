package io.paddock.recipes.leader;

/**
 * One contender of an election.
 *
 * @param id the id it registered with
 * @param isLeader true for the current leader
 */
public record Participant(String id, boolean isLeader) {
}
