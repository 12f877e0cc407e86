package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** [console] The web console's zoo.cfg keys: served and read-only unless told otherwise. */
class ConsoleKeysParserTest {
    private final ZooCfgParser parser = new ZooCfgParser();

    private ConsoleConfig parse(String... lines) {
        return parser.parse("zoo.cfg", List.of(lines)).operations().console();
    }

    @Test
    void servedAndReadOnlyByDefault() {
        ConsoleConfig c = parse("tickTime=2000");
        assertTrue(c.enabled());
        assertFalse(c.writesEnabled());
        assertFalse(ServerConfig.builder().build().operations().console().writesEnabled());
    }

    @Test
    void writesAreTurnedOnAndTheConsoleOff() {
        assertTrue(parse("paddock.console.writesEnabled=true").writesEnabled());
        assertFalse(parse("paddock.console.enabled=false").enabled());
        ConsoleConfig both = parse("paddock.console.writesEnabled=yes", "admin.serverPort=9090");
        assertTrue(both.enabled() && both.writesEnabled());
    }

    @Test
    void aBadValueNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("paddock.console.writesEnabled=maybe"));
        assertTrue(e.getMessage().contains("paddock.console.writesEnabled"), e.getMessage());
    }
}
