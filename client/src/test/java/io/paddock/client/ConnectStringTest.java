package io.paddock.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectStringTest {

    private static InetSocketAddress address(String host, int port) {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Test
    void parsesSeveralHostsAndAChroot() {
        ConnectString parsed = ConnectString.parse("host1:2181,host2:2182/app/config");

        assertEquals(List.of(address("host1", 2181), address("host2", 2182)), parsed.hosts());
        assertEquals(Optional.of("/app/config"), parsed.chroot());
    }

    @Test
    void aHostWithoutAPortGetsTheDefault() {
        ConnectString parsed = ConnectString.parse("zk1,zk2:2999");

        assertEquals(List.of(address("zk1", 2181), address("zk2", 2999)), parsed.hosts());
        assertEquals(Optional.empty(), parsed.chroot());
    }

    @Test
    void keepsHostsUnresolvedAndInOrder() {
        ConnectString parsed = ConnectString.parse("c:1,a:2,b:3");

        assertEquals(List.of("c", "a", "b"),
                parsed.hosts().stream().map(InetSocketAddress::getHostString).toList());
        assertTrue(parsed.hosts().stream().allMatch(InetSocketAddress::isUnresolved));
    }

    @Test
    void parsesBracketedIpv6Literals() {
        ConnectString parsed = ConnectString.parse("[::1]:2182,[2001:db8::7],127.0.0.1:2183");

        assertEquals(List.of(address("::1", 2182), address("2001:db8::7", 2181),
                address("127.0.0.1", 2183)), parsed.hosts());
    }

    @Test
    void aRootChrootMeansNoChroot() {
        assertEquals(Optional.empty(), ConnectString.parse("zk:2181/").chroot());
    }

    @Test
    void ignoresWhitespaceAroundHosts() {
        ConnectString parsed = ConnectString.parse(" zk1:2181 , zk2 ");

        assertEquals(List.of(address("zk1", 2181), address("zk2", 2181)), parsed.hosts());
    }

    @Test
    void toStringIsCanonicalAndParsesBackToAnEqualValue() {
        ConnectString parsed = ConnectString.parse("zk1, [::1]:2182/app");

        assertEquals("zk1:2181,[::1]:2182/app", parsed.toString());
        assertEquals(parsed, ConnectString.parse(parsed.toString()));
    }

    @Test
    void theConstructorValidatesToo() {
        List<InetSocketAddress> none = List.of();
        List<InetSocketAddress> one = List.of(address("zk", 2181));

        assertThrows(IllegalArgumentException.class,
                () -> new ConnectString(none, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new ConnectString(one, Optional.of("relative")));
        assertEquals(Optional.empty(), new ConnectString(one, Optional.of("/")).chroot());
    }

    @ParameterizedTest(name = "\"{0}\" is refused naming \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "''                      | no host",
        "/app                    | no host",
        "zk1,,zk2                | empty host",
        "zk1,                    | empty host",
        "zk1:abc                 | abc",
        "zk1:                    | bad port",
        "zk1:0                   | bad port \"0\"",
        "zk1:65536               | 65536",
        "zk1:-5                  | -5",
        "zk1:+80                 | +80",
        "[::1:2181               | [::1:2181",
        "[::1]x                  | x",
        "[::1]:                  | bad port",
        "::1                     | IPv6",
        "fe80::1:2181            | IPv6",
        ":2181                   | bad host name",
        "[]:2181                 | bad host name",
        "zk 1:2181               | bad host name",
        "zk1:2181/app/           | /app/",
        "zk1:2181/app//x         | empty node name",
        "zk1:2181/app/../x       | ..",
        "zk1:2181//              | //",
    })
    void refusesBadPartsAndNamesThem(String connectString, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectString.parse(connectString));

        assertTrue(e.getMessage().contains(named.strip()),
                "\"" + e.getMessage() + "\" should name " + named);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2181", "65535"})
    void acceptsEveryValidPort(String port) {
        assertEquals(Integer.parseInt(port),
                ConnectString.parse("zk:" + port).hosts().get(0).getPort());
    }
}
