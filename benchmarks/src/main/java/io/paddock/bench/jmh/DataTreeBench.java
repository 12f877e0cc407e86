package io.paddock.bench.jmh;

import io.paddock.protocol.ACL;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.tree.DataTree;
import io.paddock.server.txn.CreateTxn;
import io.paddock.server.txn.SetDataTxn;
import io.paddock.server.txn.TxnHeader;
import io.paddock.server.watch.WatchManager;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory tree: create, setData and getData, each applied as committed txns to Paddock's
 * {@link DataTree} and to ZooKeeper's {@code org.apache.zookeeper.server.DataTree} (its
 * {@code processTxn}, digest on as by default). 1,000 keys of 100 bytes; creates add fresh
 * nodes under a parent that is rebuilt every iteration.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DataTreeBench {
    private static final int KEYS = 1_000;

    private byte[] value;
    private String[] keys;
    private DataTree paddock;
    private org.apache.zookeeper.server.DataTree zookeeper;
    private long zxid;
    private int next;

    @Setup(Level.Iteration)
    public void setUp() {
        value = new byte[100];
        new Random(1).nextBytes(value);
        keys = new String[KEYS];
        paddock = new DataTree(new WatchManager());
        zookeeper = new org.apache.zookeeper.server.DataTree();
        paddockCreate("/keys");
        zookeeperCreate("/keys");
        paddockCreate("/fresh");
        zookeeperCreate("/fresh");
        for (int i = 0; i < KEYS; i++) {
            keys[i] = String.format("/keys/k%06d", i);
            paddockCreate(keys[i]);
            zookeeperCreate(keys[i]);
        }
    }

    private void paddockCreate(String path) {
        paddock.apply(new TxnHeader(1, 1, ++zxid, 0, OpCode.CREATE),
                new CreateTxn(path, value, ACL.OPEN_ACL_UNSAFE, 0, 1));
    }

    private void zookeeperCreate(String path) {
        zookeeper.processTxn(new org.apache.zookeeper.txn.TxnHeader(1, 1, ++zxid, 0,
                ZooDefs.OpCode.create), new org.apache.zookeeper.txn.CreateTxn(path, value,
                ZooDefs.Ids.OPEN_ACL_UNSAFE, false, 1));
    }

    private String nextKey() {
        next = (next + 1) % KEYS;
        return keys[next];
    }

    @Benchmark
    public Object paddockCreate() {
        return paddock.apply(new TxnHeader(1, 1, ++zxid, 0, OpCode.CREATE),
                new CreateTxn("/fresh/n" + zxid, value, ACL.OPEN_ACL_UNSAFE, 0, 1));
    }

    @Benchmark
    public Object zookeeperCreate() {
        return zookeeper.processTxn(new org.apache.zookeeper.txn.TxnHeader(1, 1, ++zxid, 0,
                ZooDefs.OpCode.create), new org.apache.zookeeper.txn.CreateTxn("/fresh/n" + zxid,
                value, ZooDefs.Ids.OPEN_ACL_UNSAFE, false, 1));
    }

    @Benchmark
    public Object paddockSetData() {
        return paddock.apply(new TxnHeader(1, 1, ++zxid, 0, OpCode.SET_DATA),
                new SetDataTxn(nextKey(), value, 1));
    }

    @Benchmark
    public Object zookeeperSetData() {
        return zookeeper.processTxn(new org.apache.zookeeper.txn.TxnHeader(1, 1, ++zxid, 0,
                ZooDefs.OpCode.setData), new org.apache.zookeeper.txn.SetDataTxn(nextKey(), value,
                1));
    }

    @Benchmark
    public Object paddockGetData() {
        // What a getData read does on Paddock's tree: find the node, copy out its data and stat.
        var node = paddock.node(nextKey());
        return new Object[] {node.data(), node.stat()};
    }

    @Benchmark
    public byte[] zookeeperGetData() throws KeeperException.NoNodeException {
        return zookeeper.getData(nextKey(), new org.apache.zookeeper.data.Stat(), null);
    }
}
