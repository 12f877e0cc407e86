package io.paddock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.protocol.Samples.Sample;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.op.OpCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.MultiOperationRecord;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our records against the jute classes of ZooKeeper 3.9.5, byte for byte, both ways. */
class ZooKeeperCompatibilityTest {

    /** A record of ours and ZooKeeper's equivalent, with a blank ZooKeeper record to read into. */
    record Pair(Sample ours, org.apache.jute.Record theirs,
            Supplier<org.apache.jute.Record> blank) {
        @Override
        public String toString() {
            return ours.name();
        }
    }

    static List<Pair> pairs() {
        return ZkSamples.pairs();
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void weWriteWhatZooKeeperWrites(Pair p) {
        assertArrayEquals(Wire.zkBytes(p.theirs()), Wire.bytes(p.ours().record()));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void weReadWhatZooKeeperWrites(Pair p) {
        JuteInput in = Wire.input(Wire.zkBytes(p.theirs()));
        assertEquals(p.ours().record(), p.ours().reader().apply(in));
        assertEquals(0, in.remaining());
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void zooKeeperReadsWhatWeWrite(Pair p) {
        byte[] ours = Wire.bytes(p.ours().record());
        org.apache.jute.Record parsed = Wire.zkRead(ours, p.blank().get());
        // Multi records lack field-wise equals, so compare what ZooKeeper makes of them as bytes.
        assertArrayEquals(ours, Wire.zkBytes(parsed));
    }

    @Test
    void containerAndTtlCreateResultsGoOutAsCreate2() {
        MultiResponse ours = new MultiResponse(List.of(
                new MultiResult(OpCode.CREATE_CONTAINER, 0,
                        new Create2Response("/c", Samples.STAT)),
                new MultiResult(OpCode.CREATE_TTL, 0, new Create2Response("/t", Samples.STAT))));
        org.apache.zookeeper.MultiResponse parsed =
                Wire.zkRead(Wire.bytes(ours), new org.apache.zookeeper.MultiResponse());

        List<OpResult> results = parsed.getResultList();
        assertEquals(2, results.size());
        assertEquals(new OpResult.CreateResult("/c", ZkSamples.zkStat()), results.get(0));
        assertEquals(new OpResult.CreateResult("/t", ZkSamples.zkStat()), results.get(1));
    }

    @Test
    void multiRequestWithEveryCreateFlavourMatchesZooKeeper() {
        List<Op> zkOps = new ArrayList<>();
        zkOps.add(Op.create("/p", Samples.DATA, ZkSamples.zkAcls(), CreateMode.CONTAINER));
        zkOps.add(Op.create("/t", Samples.DATA, ZkSamples.zkAcls(), CreateMode.PERSISTENT_WITH_TTL,
                500L));
        MultiRequest ours = new MultiRequest(List.of(
                new MultiOp(OpCode.CREATE_CONTAINER,
                        new CreateRequest("/p", Samples.DATA, Samples.ACLS, 4)),
                new MultiOp(OpCode.CREATE_TTL,
                        new CreateTTLRequest("/t", Samples.DATA, Samples.ACLS, 5, 500L))));

        byte[] theirs = Wire.zkBytes(new MultiOperationRecord(zkOps));
        assertArrayEquals(theirs, Wire.bytes(ours));
        assertEquals(ours, MultiRequest.read(Wire.input(theirs)));
    }
}
