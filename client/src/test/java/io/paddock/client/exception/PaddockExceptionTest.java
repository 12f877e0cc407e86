package io.paddock.client.exception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.protocol.op.ErrorCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaddockExceptionTest {
    @Test
    void everyErrorCodeHasItsOwnSubclass() {
        Set<Class<?>> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            if (code == ErrorCode.OK) {
                continue;
            }
            PaddockException e = PaddockException.of(code.code(), "/p");
            assertEquals(code, e.code());
            assertEquals("/p", e.path());
            assertNotEquals(PaddockException.class, e.getClass());
            assertEquals(true, seen.add(e.getClass()), "shared class for " + code);
        }
        assertThrows(IllegalArgumentException.class, () -> PaddockException.of(ErrorCode.OK, "/"));
    }

    @Test
    void namesMatchTheCodes() {
        assertInstanceOf(NoNodeException.class, PaddockException.of(-101, null));
        assertInstanceOf(NodeExistsException.class, PaddockException.of(-110, null));
        assertInstanceOf(SessionExpiredException.class, PaddockException.of(-112, null));
        assertInstanceOf(NotReadOnlyException.class, PaddockException.of(-119, null));
        assertInstanceOf(SystemErrorException.class, PaddockException.of(-9999, null));
    }
}
