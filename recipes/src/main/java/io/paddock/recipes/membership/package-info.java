/**
 * Cluster membership: {@link io.paddock.recipes.membership.GroupMember} keeps this process in a
 * group as an ephemeral node with a payload; {@link io.paddock.recipes.membership.ClusterMembership}
 * is a live view of who is up.
 */
package io.paddock.recipes.membership;
