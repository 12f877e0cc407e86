package io.paddock.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.paddock.protocol.ACL;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.GetDataRequest;
import io.paddock.protocol.GetDataResponse;
import io.paddock.protocol.ReplyHeader;
import io.paddock.protocol.RequestHeader;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.Stat;
import io.paddock.protocol.codec.Frames;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.op.OpCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The server side of the common requests: decoding a request frame (header plus getData,
 * setData or create body) and encoding the getData reply, with Paddock's protocol records
 * against ZooKeeper's jute classes on the same bytes.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameCodecBench {
    private static final String PATH = "/bench/keys/k000042";

    private byte[] value;
    private byte[] getDataFrame;
    private byte[] setDataFrame;
    private byte[] createFrame;
    private ByteBuf out;
    private ByteArrayOutputStream zkOut;
    private Stat stat;
    private org.apache.zookeeper.data.Stat zkStat;

    @Setup
    public void setUp() {
        value = new byte[100];
        new Random(1).nextBytes(value);
        getDataFrame = frame(new RequestHeader(7, OpCode.GET_DATA),
                new GetDataRequest(PATH, false));
        setDataFrame = frame(new RequestHeader(8, OpCode.SET_DATA),
                new SetDataRequest(PATH, value, -1));
        createFrame = frame(new RequestHeader(9, OpCode.CREATE),
                new CreateRequest(PATH, value, ACL.OPEN_ACL_UNSAFE, 0));
        out = Unpooled.buffer(512);
        zkOut = new ByteArrayOutputStream(512);
        stat = new Stat(10, 20, 1000, 2000, 3, 0, 0, 0, 100, 0, 10);
        zkStat = new org.apache.zookeeper.data.Stat(10, 20, 1000, 2000, 3, 0, 0, 0, 100, 0, 10);
    }

    private static byte[] frame(RequestHeader header, io.paddock.protocol.Record body) {
        ByteBuf b = Unpooled.buffer();
        Frames.writeFrame(b, header, body);
        byte[] bytes = new byte[b.readableBytes()];
        b.readBytes(bytes);
        return bytes;
    }

    @Benchmark
    public void paddockDecodeGetData(Blackhole bh) {
        JuteInput in = new JuteInput(Unpooled.wrappedBuffer(getDataFrame));
        bh.consume(in.readInt());
        bh.consume(RequestHeader.read(in));
        bh.consume(GetDataRequest.read(in));
    }

    @Benchmark
    public void zookeeperDecodeGetData(Blackhole bh) throws IOException {
        BinaryInputArchive in = BinaryInputArchive.getArchive(
                new org.apache.zookeeper.server.ByteBufferInputStream(ByteBuffer.wrap(getDataFrame)));
        bh.consume(in.readInt("len"));
        org.apache.zookeeper.proto.RequestHeader h = new org.apache.zookeeper.proto.RequestHeader();
        h.deserialize(in, "header");
        org.apache.zookeeper.proto.GetDataRequest r = new org.apache.zookeeper.proto.GetDataRequest();
        r.deserialize(in, "request");
        bh.consume(h);
        bh.consume(r);
    }

    @Benchmark
    public void paddockDecodeSetData(Blackhole bh) {
        JuteInput in = new JuteInput(Unpooled.wrappedBuffer(setDataFrame));
        bh.consume(in.readInt());
        bh.consume(RequestHeader.read(in));
        bh.consume(SetDataRequest.read(in));
    }

    @Benchmark
    public void zookeeperDecodeSetData(Blackhole bh) throws IOException {
        BinaryInputArchive in = BinaryInputArchive.getArchive(
                new org.apache.zookeeper.server.ByteBufferInputStream(ByteBuffer.wrap(setDataFrame)));
        bh.consume(in.readInt("len"));
        org.apache.zookeeper.proto.RequestHeader h = new org.apache.zookeeper.proto.RequestHeader();
        h.deserialize(in, "header");
        org.apache.zookeeper.proto.SetDataRequest r = new org.apache.zookeeper.proto.SetDataRequest();
        r.deserialize(in, "request");
        bh.consume(h);
        bh.consume(r);
    }

    @Benchmark
    public void paddockDecodeCreate(Blackhole bh) {
        JuteInput in = new JuteInput(Unpooled.wrappedBuffer(createFrame));
        bh.consume(in.readInt());
        bh.consume(RequestHeader.read(in));
        bh.consume(CreateRequest.read(in));
    }

    @Benchmark
    public void zookeeperDecodeCreate(Blackhole bh) throws IOException {
        BinaryInputArchive in = BinaryInputArchive.getArchive(
                new org.apache.zookeeper.server.ByteBufferInputStream(ByteBuffer.wrap(createFrame)));
        bh.consume(in.readInt("len"));
        org.apache.zookeeper.proto.RequestHeader h = new org.apache.zookeeper.proto.RequestHeader();
        h.deserialize(in, "header");
        org.apache.zookeeper.proto.CreateRequest r = new org.apache.zookeeper.proto.CreateRequest();
        r.deserialize(in, "request");
        bh.consume(h);
        bh.consume(r);
    }

    @Benchmark
    public int paddockEncodeGetDataReply() {
        out.clear();
        Frames.writeFrame(out, new ReplyHeader(7, 1234, 0), new GetDataResponse(value, stat));
        return out.writerIndex();
    }

    @Benchmark
    public int zookeeperEncodeGetDataReply() throws IOException {
        // ZooKeeper's server serialises the header and body through a BinaryOutputArchive into a
        // byte array stream, then prefixes the length (ServerCnxn.serialize).
        zkOut.reset();
        BinaryOutputArchive boa = BinaryOutputArchive.getArchive(zkOut);
        boa.writeInt(-1, "len");
        new org.apache.zookeeper.proto.ReplyHeader(7, 1234, 0).serialize(boa, "header");
        new org.apache.zookeeper.proto.GetDataResponse(value, zkStat).serialize(boa, "response");
        byte[] b = zkOut.toByteArray();
        ByteBuffer.wrap(b).putInt(b.length - 4);
        return b.length;
    }
}
