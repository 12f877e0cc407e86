package io.paddock.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "/a/b/c", "/lock-0000000001", "/a.b", "/...", "/zk\u00e9"})
    void acceptsAbsolutePaths(String path) {
        assertDoesNotThrow(() -> PathValidator.validate(path));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
        "''          | must not be empty",
        "a           | must start with /",
        "a/b         | must start with /",
        "/a/         | must not end with /",
        "//          | must not end with /",
        "//a         | empty node name at index 1",
        "/a//b       | empty node name at index 3",
        "/.          | relative segment '.'",
        "/a/..       | relative segment '..'",
        "/a/./b      | relative segment '.'",
    })
    void refusesBadPaths(String path, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathValidator.validate(path));

        assertTrue(e.getMessage().contains(why.strip()), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\u0000b", "/a\tb", "/a\u007fb", "/a\u009fb", "/a\ud800b", "/a\uf8ffb",
        "/a\ufff0b", "/a\uffffb"})
    void refusesControlSurrogateAndPrivateCharacters(String path) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathValidator.validate(path));

        assertTrue(e.getMessage().contains("invalid character \\u"), e.getMessage());
        assertTrue(e.getMessage().contains("at index 2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\u0020b", "/a\u00a0b", "/a\uf900b", "/a\uffefb"})
    void acceptsCharactersJustOutsideTheForbiddenRanges(String path) {
        assertDoesNotThrow(() -> PathValidator.validate(path));
    }

    @Test
    void refusesNull() {
        assertThrows(IllegalArgumentException.class, () -> PathValidator.validate(null));
    }
}
