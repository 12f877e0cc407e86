package io.paddock.server.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.chaos.ChaosHistory.CreateOp;
import io.paddock.server.chaos.ChaosHistory.Outcome;
import io.paddock.server.chaos.ChaosHistory.RegisterOp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chaos checker passes a history that keeps ZooKeeper's promises and catches each break. */
class ChaosCheckerTest {

    private static RegisterOp write(int client, long start, long end, Outcome o, int version,
            String value) {
        return new RegisterOp(client, "r", true, start, end, o, version, value);
    }

    private static RegisterOp read(int client, long start, long end, int version, String value) {
        return new RegisterOp(client, "r", false, start, end, Outcome.OK, version, value);
    }

    private static RegisterOp finalState(int version, String value) {
        return new RegisterOp(-1, "r", false, 0, 0, Outcome.OK, version, value);
    }

    private static List<String> check(List<RegisterOp> ops, RegisterOp last,
            List<CreateOp> creates, Set<String> created) {
        ChaosHistory h = new ChaosHistory();
        ops.forEach(h::add);
        creates.forEach(h::add);
        return ChaosChecker.check(h, Map.of("r", last), created);
    }

    private static List<String> check(List<RegisterOp> ops, RegisterOp last) {
        return check(ops, last, List.of(), Set.of());
    }

    @Test
    void aCleanHistoryPasses() {
        List<RegisterOp> ops = List.of(write(1, 0, 10, Outcome.OK, 1, "a"),
                read(2, 5, 6, 0, ""), read(2, 11, 12, 1, "a"),
                write(2, 13, 20, Outcome.UNKNOWN, 2, "b"), write(1, 15, 16, Outcome.FAILED, 2, "c"),
                read(1, 21, 22, 2, "b"), write(1, 23, 30, Outcome.OK, 3, "d"));
        List<CreateOp> creates = List.of(new CreateOp(1, 0, 5, Outcome.OK, "/s/n-0000000000"),
                new CreateOp(2, 6, 9, Outcome.OK, "/s/n-0000000001"),
                new CreateOp(2, 10, 12, Outcome.UNKNOWN, null));
        assertEquals(List.of(), check(ops, finalState(3, "d"), creates,
                Set.of("/s/n-0000000000", "/s/n-0000000001", "/s/n-0000000002")));
    }

    @Test
    void twoAcknowledgedWritesOfOneVersionAreCaught() {
        List<String> v = check(List.of(write(1, 0, 10, Outcome.OK, 1, "a"),
                write(2, 0, 10, Outcome.OK, 1, "b")), finalState(1, "a"));
        assertTrue(v.stream().anyMatch(s -> s.contains("two acknowledged writes")), v.toString());
    }

    @Test
    void aLostAcknowledgedWriteIsCaught() {
        List<String> v = check(List.of(write(1, 0, 10, Outcome.OK, 1, "a"),
                write(1, 11, 20, Outcome.OK, 2, "b")), finalState(1, "a"));
        assertTrue(v.stream().anyMatch(s -> s.contains("lost")), v.toString());
    }

    @Test
    void aReadOfAValueNobodyWroteIsCaught() {
        List<String> v = check(List.of(write(1, 0, 10, Outcome.OK, 1, "a"),
                read(2, 11, 12, 1, "zzz")), finalState(1, "a"));
        assertTrue(v.stream().anyMatch(s -> s.contains("read 'zzz'")), v.toString());
    }

    @Test
    void writesOutOfRealTimeOrderAreCaught() {
        List<String> v = check(List.of(write(1, 0, 10, Outcome.OK, 2, "a"),
                write(2, 11, 20, Outcome.OK, 1, "b")), finalState(2, "a"));
        assertTrue(v.stream().anyMatch(s -> s.contains("lower version")), v.toString());
    }

    @Test
    void aSessionGoingBackInTimeIsCaught() {
        List<String> v = check(List.of(write(1, 0, 10, Outcome.OK, 1, "a"),
                write(1, 11, 20, Outcome.OK, 2, "b"), read(3, 21, 22, 2, "b"),
                read(3, 23, 24, 1, "a")), finalState(2, "b"));
        assertTrue(v.stream().anyMatch(s -> s.contains("saw version 1 after version 2")),
                v.toString());
    }

    @Test
    void brokenSequentialCreatesAreCaught() {
        List<CreateOp> creates = List.of(new CreateOp(1, 0, 5, Outcome.OK, "/s/n-0000000001"),
                new CreateOp(2, 6, 9, Outcome.OK, "/s/n-0000000000"),
                new CreateOp(3, 10, 11, Outcome.OK, "/s/n-0000000001"));
        List<String> v = check(List.of(), finalState(0, ""), creates, Set.of("/s/n-0000000001"));
        assertTrue(v.stream().anyMatch(s -> s.contains("acknowledged twice")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("is gone")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("sorts before it")), v.toString());
    }
}
