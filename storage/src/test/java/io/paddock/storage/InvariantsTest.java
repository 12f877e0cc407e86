package io.paddock.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvariantsTest {

    @Test
    void passesWhenTheConditionHolds() {
        assertDoesNotThrow(() -> Invariants.check(true, "holds"));
    }

    @Test
    void throwsWithTheMessageWhenItDoesNot() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Invariants.check(false, "segments are contiguous"));

        assertTrue(e.getMessage().contains("segments are contiguous"), e.getMessage());
    }
}
