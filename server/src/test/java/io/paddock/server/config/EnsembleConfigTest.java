package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An EnsembleConfig built in code (as the runtime's tests will) keeps the parser's guarantees. */
class EnsembleConfigTest {

    private static EnsembleMember member(long id, PeerType type) {
        return new EnsembleMember(id, InetSocketAddress.createUnresolved("127.0.0.1", 2000 + (int) id),
                InetSocketAddress.createUnresolved("127.0.0.1", 3000 + (int) id), Optional.empty(), type);
    }

    private static EnsembleConfig of(long myId, EnsembleMember... members) {
        return new EnsembleConfig(myId, List.of(members), 10, 5, false, 3, 5000);
    }

    @Test
    void membersAreOrderedById() {
        EnsembleConfig e = of(2, member(3, PeerType.PARTICIPANT), member(1, PeerType.PARTICIPANT),
                member(2, PeerType.OBSERVER));
        assertEquals(List.of(1L, 2L, 3L), e.members().stream().map(EnsembleMember::id).toList());
        assertEquals("ensemble of 3: participants [1, 3], observers [2]; this server is 2 (observer)",
                e.describe());
    }

    @Test
    void refusesWhatTheParserRefuses() {
        assertThrows(ConfigException.class, () -> of(1, member(1, PeerType.PARTICIPANT),
                member(1, PeerType.PARTICIPANT)));
        assertThrows(ConfigException.class, () -> of(9, member(1, PeerType.PARTICIPANT)));
        assertThrows(ConfigException.class, () -> of(1, member(1, PeerType.OBSERVER)));
        assertThrows(ConfigException.class, () -> new EnsembleConfig(1,
                List.of(member(1, PeerType.PARTICIPANT)), 0, 5, false, 3, 5000));
        assertThrows(ConfigException.class, () -> new EnsembleConfig(1,
                List.of(member(1, PeerType.PARTICIPANT)), 10, EnsembleConfig.MAX_LIMIT + 1, false, 3,
                5000));
        assertThrows(ConfigException.class, () -> new EnsembleConfig(1,
                List.of(member(1, PeerType.PARTICIPANT)), 10, 5, false, -1, 5000));
        assertThrows(ConfigException.class, () -> new EnsembleConfig(1,
                List.of(member(1, PeerType.PARTICIPANT)), 10, 5, false, 3, 0));
    }
}
