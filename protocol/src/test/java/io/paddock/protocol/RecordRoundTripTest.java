package io.paddock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.paddock.protocol.codec.JuteInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordRoundTripTest {

    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsBackWhatItWroteAndConsumesEveryByte(Samples.Sample sample) {
        byte[] bytes = Wire.bytes(sample.record());
        JuteInput in = Wire.input(bytes);

        Record read = sample.reader().apply(in);

        assertEquals(sample.record(), read);
        assertEquals(sample.record().hashCode(), read.hashCode());
        assertEquals(0, in.remaining());
        assertArrayEquals(bytes, Wire.bytes(read));
    }

    @Test
    void byteArrayComponentsCompareByContent() {
        assertEquals(new SetDataRequest("/a", new byte[] {1, 2}, 0),
                new SetDataRequest("/a", new byte[] {1, 2}, 0));
        assertNotEquals(new SetDataRequest("/a", new byte[] {1, 2}, 0),
                new SetDataRequest("/a", new byte[] {1, 3}, 0));
        assertNotEquals(new SetDataRequest("/a", null, 0),
                new SetDataRequest("/a", new byte[0], 0));
    }

    @Test
    void toStringHidesBufferContents() {
        String s = new AuthPacket(0, "digest", "bob:secret".getBytes()).toString();
        assertEquals("AuthPacket[type=0, scheme=digest, auth=byte[10]]", s);
    }

    @Test
    void nullsSurviveARoundTrip() {
        GetDataResponse withNullData = new GetDataResponse(null, Samples.STAT);
        assertEquals(withNullData, GetDataResponse.read(Wire.input(Wire.bytes(withNullData))));
        SetWatches nullLists = new SetWatches(0L, null, null, null);
        assertEquals(nullLists, SetWatches.read(Wire.input(Wire.bytes(nullLists))));
    }

    @Test
    void emptyRequestHasNoBytes() {
        assertEquals(0, Wire.bytes(EmptyRequest.INSTANCE).length);
        assertSame(EmptyRequest.INSTANCE, EmptyRequest.read(Wire.input(new byte[0])));
    }

    @Test
    void connectRecordsWithoutTheReadOnlyByteReadAsNotReadOnly() {
        ConnectRequest req = new ConnectRequest(0, 42L, 30000, 0L, Samples.PASSWD, true);
        byte[] full = Wire.bytes(req);
        byte[] old = java.util.Arrays.copyOf(full, full.length - 1);
        assertEquals(new ConnectRequest(0, 42L, 30000, 0L, Samples.PASSWD, false),
                ConnectRequest.read(Wire.input(old)));

        ConnectResponse resp = new ConnectResponse(0, 30000, 9L, Samples.PASSWD, true);
        byte[] fullResp = Wire.bytes(resp);
        byte[] oldResp = java.util.Arrays.copyOf(fullResp, fullResp.length - 1);
        assertEquals(new ConnectResponse(0, 30000, 9L, Samples.PASSWD, false),
                ConnectResponse.read(Wire.input(oldResp)));
    }
}
