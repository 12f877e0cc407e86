package io.paddock.recipes.membership;

/**
 * A live member of a group.
 *
 * @param id its node's name under the group path
 * @param payload what it published (address, health, load...); do not modify the array
 */
public record Member(String id, byte[] payload) {
}
