package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import java.util.List;

/**
 * Zab.tla's Agreement, after every step: for any two live peers, the one that delivered less
 * delivered exactly the start of what the other delivered.
 */
final class AgreementCheck implements Check {

    @Override
    public void afterStep(List<SimPeer> peers) {
        for (int i = 0; i < peers.size(); i++) {
            SimPeer a = peers.get(i);
            if (!a.isUp()) {
                continue;
            }
            for (int j = i + 1; j < peers.size(); j++) {
                SimPeer b = peers.get(j);
                if (b.isUp()) {
                    agree(a, b);
                }
            }
        }
    }

    private static void agree(SimPeer a, SimPeer b) {
        List<Proposal> sa = a.state();
        List<Proposal> sb = b.state();
        List<Proposal> shorter = sa.size() <= sb.size() ? sa : sb;
        List<Proposal> longer = shorter == sa ? sb : sa;
        if (shorter.isEmpty()) {
            return;
        }
        int last = shorter.size() - 1;
        if (!shorter.get(last).equals(longer.get(last))) {
            throw new SafetyViolation("AgreementCheck", "peers " + a.id() + " and " + b.id()
                    + " disagree at txn #" + (last + 1) + ": " + Fmt.z(sa.get(last).zxid()) + " vs "
                    + Fmt.z(sb.get(last).zxid()));
        }
    }
}
