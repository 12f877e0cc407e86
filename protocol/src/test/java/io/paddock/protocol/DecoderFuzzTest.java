package io.paddock.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.RequestBodies;
import io.paddock.protocol.op.OpCode;
import io.paddock.testing.FuzzInputs;
import io.paddock.testing.FuzzWorker;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Fuzzes every reader of the client protocol: each record's {@code read} (found by reflection,
 * so a new record is fuzzed without being listed), every request body by op code, whole request
 * frames (header then body, as the server reads them) and multi requests.
 *
 * <p>For any bytes: the reader returns or throws {@link DecodeException}, nothing else; it
 * allocates at most a small multiple of the input (a length prefix of 2^31 must be refused,
 * not allocated); it finishes within {@link FuzzWorker#PER_TRY}.
 */
class DecoderFuzzTest {
    /** Bytes a reader may allocate per input byte: object headers of strings and lists. */
    private static final long ALLOCATION_PER_BYTE = 64;
    /** Plus a fixed allowance for the reflective call, the ByteBuf wrapper and the like. */
    private static final long ALLOCATION_FIXED = 64 << 10;

    private final FuzzWorker worker = new FuzzWorker();

    /** A reader of one record type or request body. */
    record Reader(String name, Function<JuteInput, Object> read) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A reader and a valid input of it to mutate. */
    record Seed(Reader reader, byte[] bytes) {
        @Override
        public String toString() {
            return reader.name();
        }
    }

    @BeforeProperty
    void warmUp() {
        // Class loading and lambda linkage on the first parse allocate far more than parsing.
        for (Seed s : seeds()) {
            worker.run("warm-up", () -> s.reader().read().apply(input(s.bytes())));
        }
        worker.resetCounts();
    }

    @AfterProperty
    void report() {
        worker.report();
        worker.close();
    }

    @Property
    void arbitraryBytesIntoEveryReader(@ForAll("readers") Reader reader,
            @ForAll("anyBytes") byte[] bytes) {
        check("arbitrary bytes into every reader", reader, bytes);
    }

    @Property
    void mutatedValidInputsIntoTheirReader(@ForAll("mutatedSeeds") Seed mutated) {
        check("mutated valid inputs", mutated.reader(), mutated.bytes());
    }

    @Property
    void mutatedMultiRequests(@ForAll("mutatedMulti") byte[] bytes) {
        check("mutated multi requests",
                new Reader("MultiRequest", in -> RequestBodies.decode(OpCode.MULTI, in)), bytes);
    }

    @Example
    void aVectorCountOfTwoToTheThirtyOneIsRefusedWithoutAllocating() {
        // A multi of one create whose ACL vector claims Integer.MAX_VALUE entries.
        byte[] bytes = Wire.bytes(new MultiRequest(List.of(new MultiOp(OpCode.CREATE,
                new CreateRequest("/a", new byte[0], List.of(), 0)))));
        int aclCountAt = 4 + 1 + 4 + 4 + 2 + 4; // header, path "/a", empty data
        java.nio.ByteBuffer.wrap(bytes).putInt(aclCountAt, Integer.MAX_VALUE);
        check("huge vector count", new Reader("MultiRequest", MultiRequest::read), bytes);
    }

    @Example
    void theAllocationBoundCatchesAReaderThatTrustsALengthPrefix() {
        byte[] bytes = {0x10, 0, 0, 0, 1, 2, 3};
        Reader trusting = new Reader("trusting", in -> new byte[in.readInt()]);
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> check("a reader that trusts a length", trusting, bytes));
        assertTrue(e.getMessage().contains("allocated"), e.getMessage());
    }

    private void check(String property, Reader reader, byte[] bytes) {
        FuzzWorker.Outcome o = worker.run(property, () -> reader.read().apply(input(bytes)));
        if (o.thrown() != null && !(o.thrown() instanceof DecodeException)) {
            throw new AssertionError(reader + " threw " + o.thrown() + " on "
                    + java.util.HexFormat.of().formatHex(bytes), o.thrown());
        }
        long bound = ALLOCATION_FIXED + ALLOCATION_PER_BYTE * bytes.length;
        if (o.allocatedBytes() > bound) {
            // The first time a path runs, linking its string concatenations allocates too.
            long again = worker.run(property, () -> reader.read().apply(input(bytes)))
                    .allocatedBytes();
            assertTrue(again <= bound, () -> reader + " allocated " + again + " bytes for "
                    + bytes.length + " input bytes (bound " + bound + ")");
        }
    }

    private static JuteInput input(byte[] bytes) {
        return new JuteInput(Unpooled.wrappedBuffer(bytes));
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return FuzzInputs.bytes(256);
    }

    @Provide
    Arbitrary<Reader> readers() {
        return Arbitraries.of(allReaders());
    }

    @Provide
    Arbitrary<Seed> mutatedSeeds() {
        return Arbitraries.of(seeds()).flatMap(s ->
                FuzzInputs.mutated(s.bytes(), 4).map(b -> new Seed(s.reader(), b)));
    }

    @Provide
    Arbitrary<byte[]> mutatedMulti() {
        return Arbitraries.of(Samples.multiRequest(), multiOfEveryOp())
                .flatMap(m -> FuzzInputs.mutated(Wire.bytes(m), 6));
    }

    private static MultiRequest multiOfEveryOp() {
        return new MultiRequest(List.of(
                new MultiOp(OpCode.GET_CHILDREN, new GetChildrenRequest("/a", false)),
                new MultiOp(OpCode.GET_DATA, new GetDataRequest("/b", false)),
                new MultiOp(OpCode.CREATE2, new CreateRequest("/c", null, Samples.ACLS, 3))));
    }

    /** Every valid sample, each with its own reader, plus each as a framed request. */
    static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        for (Samples.Sample s : Samples.all()) {
            Function<JuteInput, Record> read = s.reader();
            seeds.add(new Seed(new Reader(s.name(), read::apply), Wire.bytes(s.record())));
        }
        seeds.add(new Seed(requestFrame(), frame(OpCode.CREATE,
                new CreateRequest("/x", Samples.DATA, Samples.ACLS, 1))));
        seeds.add(new Seed(requestFrame(), frame(OpCode.SET_WATCHES2, new SetWatches2(5L,
                List.of("/a"), List.of("/b"), List.of(), List.of("/p"), List.of()))));
        seeds.add(new Seed(requestFrame(), frame(OpCode.MULTI, Samples.multiRequest())));
        return seeds;
    }

    private static byte[] frame(int opCode, Record body) {
        byte[] h = Wire.bytes(new RequestHeader(1, opCode));
        byte[] b = Wire.bytes(body);
        byte[] out = java.util.Arrays.copyOf(h, h.length + b.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        return out;
    }

    /** A frame after its length: a RequestHeader, then the body its op code names. */
    private static Reader requestFrame() {
        return new Reader("request frame", in -> {
            RequestHeader h = RequestHeader.read(in);
            return RequestBodies.isKnown(h.type()) ? RequestBodies.decode(h.type(), in) : h;
        });
    }

    static List<Reader> allReaders() {
        List<Reader> readers = new ArrayList<>(recordReaders());
        for (int op = -12; op <= 110; op++) {
            int code = op;
            readers.add(new Reader("body of op " + op, in -> RequestBodies.decode(code, in)));
        }
        readers.add(requestFrame());
        return readers;
    }

    /** {@code read(JuteInput)} of every Record in io.paddock.protocol. */
    static List<Reader> recordReaders() {
        List<Reader> readers = new ArrayList<>();
        for (Class<?> c : protocolClasses()) {
            if (!io.paddock.protocol.Record.class.isAssignableFrom(c) || c.isInterface()) {
                continue;
            }
            Method read;
            try {
                read = c.getMethod("read", JuteInput.class);
            } catch (NoSuchMethodException e) {
                continue;
            }
            if (Modifier.isStatic(read.getModifiers())) {
                readers.add(new Reader(c.getSimpleName(), in -> invoke(read, in)));
            }
        }
        if (readers.size() < 40) {
            throw new AssertionError("found only " + readers.size() + " record readers");
        }
        return readers;
    }

    private static Object invoke(Method read, JuteInput in) {
        try {
            return read.invoke(null, in);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Class<?>> protocolClasses() {
        try {
            Path root = Path.of(io.paddock.protocol.Record.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI()).resolve("io/paddock/protocol");
            List<Class<?>> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(root)) {
                for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                    String f = p.getFileName().toString();
                    if (f.endsWith(".class") && !f.contains("$")) {
                        out.add(Class.forName("io.paddock.protocol."
                                + f.substring(0, f.length() - ".class".length())));
                    }
                }
            }
            return out;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
