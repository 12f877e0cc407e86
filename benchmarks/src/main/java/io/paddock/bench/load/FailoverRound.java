package io.paddock.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One leader kill of the failover row.
 *
 * @param killedMember index of the member that led and was killed
 * @param firstAckMillis per session that answered: ms from the kill to its first acknowledged
 *     write after it, sorted
 * @param unanswered sessions with no acknowledged write within the row's timeout
 * @param survivorClients sessions connected to members that stayed up
 * @param survivorDisconnections Disconnected events those sessions saw after the kill
 */
record FailoverRound(int killedMember, List<Long> firstAckMillis, int unanswered,
        int survivorClients, int survivorDisconnections) {

    static FailoverRound of(int killed, long killNanos, List<FailoverWriter> writers,
            List<Boolean> onKilled) {
        List<Long> millis = new ArrayList<>();
        int unanswered = 0;
        int survivors = 0;
        int disconnections = 0;
        for (int i = 0; i < writers.size(); i++) {
            FailoverWriter w = writers.get(i);
            long ack = w.firstAckAfterMark();
            if (ack < 0) {
                unanswered++;
            } else {
                millis.add((ack - killNanos) / 1_000_000);
            }
            if (!onKilled.get(i)) {
                survivors++;
                disconnections += w.disconnectionsSince(killNanos);
            }
        }
        millis.sort(null);
        return new FailoverRound(killed, List.copyOf(millis), unanswered, survivors,
                disconnections);
    }

    /** The median session's time to its first acknowledged write; -1 if none answered. */
    long medianMillis() {
        return firstAckMillis.isEmpty() ? -1 : firstAckMillis.get(firstAckMillis.size() / 2);
    }

    /** The slowest answering session's time; -1 if none answered. */
    long maxMillis() {
        return firstAckMillis.isEmpty() ? -1 : firstAckMillis.get(firstAckMillis.size() - 1);
    }

    /** The median of a figure over several kills. */
    static double medianOver(List<FailoverRound> rounds,
            java.util.function.ToDoubleFunction<FailoverRound> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
