package io.paddock.zab.peer;

import io.paddock.zab.Invariants;
import io.paddock.zab.Proposal;
import java.util.Arrays;

/**
 * Proposals in increasing zxid order, added at the end and removed from either end, with
 * binary search by zxid: the part of a peer's history it holds in memory.
 *
 * <p>Not thread-safe.
 */
final class ProposalQueue {
    private Proposal[] items = new Proposal[16];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Proposal get(int index) {
        return items[(head + index) & (items.length - 1)];
    }

    Proposal first() {
        return size == 0 ? null : get(0);
    }

    Proposal last() {
        return size == 0 ? null : get(size - 1);
    }

    void add(Proposal proposal) {
        Invariants.check(size == 0 || proposal.zxid() > last().zxid(),
                "history grows in zxid order");
        if (size == items.length) {
            grow();
        }
        items[(head + size) & (items.length - 1)] = proposal;
        size++;
    }

    Proposal removeFirst() {
        Proposal first = get(0);
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        size--;
        return first;
    }

    /** Drops every proposal above {@code zxid}. */
    void removeAbove(long zxid) {
        while (size > 0 && last().zxid() > zxid) {
            items[(head + size - 1) & (items.length - 1)] = null;
            size--;
        }
    }

    void clear() {
        Arrays.fill(items, null);
        head = 0;
        size = 0;
    }

    /** The index of the first proposal with a zxid above {@code zxid}, or {@link #size()}. */
    int indexAfter(long zxid) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (get(mid).zxid() <= zxid) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The proposal with this zxid, or null. */
    Proposal find(long zxid) {
        int index = indexAfter(zxid) - 1;
        return index >= 0 && get(index).zxid() == zxid ? get(index) : null;
    }

    private void grow() {
        Proposal[] bigger = new Proposal[items.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = get(i);
        }
        items = bigger;
        head = 0;
    }
}
