package io.paddock.zab;

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
                () -> Invariants.check(false, "one leader per epoch"));

        assertTrue(e.getMessage().contains("one leader per epoch"), e.getMessage());
    }
}
