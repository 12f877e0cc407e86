package io.paddock.recipes.membership;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.nodes.EphemeralNode;
import io.paddock.recipes.nodes.ZNodePaths;
import java.time.Duration;
import java.util.Map;

/**
 * This process as a member of a group: an ephemeral node {@code <group>/<memberId>} holding its
 * payload, plus a live view of the whole group.
 *
 * <p>Guarantees: the member node exists while this object is open and the client connected; it
 * is re-created (with the latest payload) after a session loss; it goes when the member is
 * closed or its process dies (after the session timeout). Member ids must be unique in a group.
 *
 * <p>Thread-safe.
 */
public final class GroupMember implements AutoCloseable {
    private final EphemeralNode node;
    private final ClusterMembership view;
    private final String memberId;

    public GroupMember(PaddockClient client, String groupPath, String memberId, byte[] payload) {
        this.node = new EphemeralNode(client, ZNodePaths.makePath(groupPath, memberId), payload);
        this.view = new ClusterMembership(client, groupPath);
        this.memberId = memberId;
    }

    /** Joins the group and starts the view, both in the background. */
    public GroupMember start() {
        node.start();
        view.start();
        return this;
    }

    /**
     * Waits until our node was first created and our own view shows it, so {@link #members()}
     * includes this member; false if {@code max} passed.
     */
    public boolean awaitJoined(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        return node.awaitCreated(max)
                && view.awaitMember(memberId, Duration.ofNanos(deadline - System.nanoTime()));
    }

    /** Publishes a new payload (health, load...). */
    public void setPayload(byte[] payload) {
        node.setData(payload);
    }

    /** Who is up now, this member included once its node is seen. */
    public Map<String, Member> members() {
        return view.members();
    }

    public ClusterMembership view() {
        return view;
    }

    /** Leaves the group: deletes the member node. */
    @Override
    public void close() {
        view.close();
        node.close();
    }
}
