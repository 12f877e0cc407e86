package io.paddock.server.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;

class AclTest {
    private final AuthRegistry registry = new AuthRegistry(DigestAuthProvider.digest("super:pw"));
    private final AclChecker checker = new AclChecker(registry);
    private final AclFixup fixup = new AclFixup(registry);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void digestMatchesApacheZooKeeper() throws Exception {
        assertEquals(DigestAuthenticationProvider.generateDigest("bob:secret"),
                DigestAuthProvider.digest("bob:secret"));
        assertEquals(new Id("digest", DigestAuthProvider.digest("bob:secret")),
                registry.authenticate("digest", b("bob:secret"), "127.0.0.1"));
    }

    @Test
    void superDigestGrantsEverything() {
        List<Id> ids = registry.authenticateAll("digest", b("super:pw"), "127.0.0.1");
        assertEquals(List.of(AuthRegistry.SUPER,
                new Id("digest", DigestAuthProvider.digest("super:pw"))), ids);
        assertEquals(AuthRegistry.SUPER, registry.authenticate("digest", b("super:pw"), null));
        List<ACL> nobody = List.of(new ACL(ACL.Perms.READ, new Id("digest", "x:y")));
        assertTrue(checker.allowed(nobody, ACL.Perms.ADMIN, ids));
        assertFalse(checker.allowed(nobody, ACL.Perms.READ, List.of(new Id("ip", "1.2.3.4"))));
    }

    @Test
    void unknownSchemeFailsAuthentication() {
        assertNull(registry.authenticate("kerberos", b("x"), "127.0.0.1"));
        assertNull(registry.authenticate("world", b("anyone"), "127.0.0.1"));
    }

    @Test
    void checkerHonoursPermissionBitsPerScheme() {
        Id bob = new Id("digest", DigestAuthProvider.digest("bob:pw"));
        List<ACL> acl = List.of(new ACL(ACL.Perms.READ, Id.ANYONE),
                new ACL(ACL.Perms.WRITE, bob),
                new ACL(ACL.Perms.DELETE, new Id("ip", "10.1.0.0/16")));
        assertTrue(checker.allowed(acl, ACL.Perms.READ, List.of()));
        assertFalse(checker.allowed(acl, ACL.Perms.WRITE, List.of()));
        assertTrue(checker.allowed(acl, ACL.Perms.WRITE, List.of(bob)));
        assertTrue(checker.allowed(acl, ACL.Perms.DELETE, List.of(new Id("ip", "10.1.200.3"))));
        assertFalse(checker.allowed(acl, ACL.Perms.DELETE, List.of(new Id("ip", "10.2.0.1"))));
        assertFalse(checker.allowed(acl, ACL.Perms.ADMIN, List.of(bob)));
        assertTrue(checker.allowed(List.of(), ACL.Perms.ADMIN, List.of()));
    }

    @Test
    void ipProviderMatchesAddressesAndBlocks() {
        IpAuthProvider ip = new IpAuthProvider();
        assertTrue(ip.matches("127.0.0.1", "127.0.0.1"));
        assertFalse(ip.matches("127.0.0.2", "127.0.0.1"));
        assertTrue(ip.matches("192.168.7.9", "192.168.0.0/16"));
        assertTrue(ip.matches("1.2.3.4", "0.0.0.0/0"));
        assertTrue(ip.matches("0:0:0:0:0:0:0:1", "::1"));
        assertFalse(ip.matches("::1", "127.0.0.1"));
        assertTrue(ip.isValid("10.0.0.0/8"));
        assertFalse(ip.isValid("10.0.0.0/33"));
        assertFalse(ip.isValid("256.0.0.1"));
        assertFalse(ip.isValid("host.example"));
        assertFalse(ip.isValid("1.2.3"));
        assertEquals(new Id("ip", "127.0.0.1"), registry.initialAuthInfo("127.0.0.1").get(0));
    }

    @Test
    void fixupExpandsAuthAndRejectsMalformedAcls() {
        Id bob = new Id("digest", DigestAuthProvider.digest("bob:pw"));
        List<Id> session = List.of(new Id("ip", "127.0.0.1"), bob);
        assertEquals(List.of(new ACL(ACL.Perms.ALL, bob)),
                fixup.fixup(ACL.CREATOR_ALL_ACL, session));
        assertNull(fixup.fixup(ACL.CREATOR_ALL_ACL, List.of(new Id("ip", "127.0.0.1"))));
        assertNull(fixup.fixup(List.of(), session));
        assertNull(fixup.fixup(null, session));
        assertNull(fixup.fixup(List.of(new ACL(1, new Id("world", "someone"))), session));
        assertNull(fixup.fixup(List.of(new ACL(1, new Id("digest", "bob"))), session));
        assertNull(fixup.fixup(List.of(new ACL(1, new Id("ip", "nope"))), session));
        assertNull(fixup.fixup(List.of(new ACL(1, new Id("nosuch", "x"))), session));
        assertNull(fixup.fixup(java.util.Arrays.asList((ACL) null), session));
        // One entry of a concrete scheme, the usual create, is taken as it is.
        assertEquals(ACL.OPEN_ACL_UNSAFE, fixup.fixup(ACL.OPEN_ACL_UNSAFE, session));
        assertEquals(List.of(new ACL(1, new Id("ip", "10.0.0.0/8"))),
                fixup.fixup(List.of(new ACL(1, new Id("ip", "10.0.0.0/8"))), List.of()));
        List<ACL> dup = List.of(new ACL(ACL.Perms.ALL, Id.ANYONE),
                new ACL(ACL.Perms.ALL, Id.ANYONE), new ACL(1, new Id("ip", "10.0.0.0/8")));
        assertEquals(List.of(dup.get(0), dup.get(2)), fixup.fixup(dup, session));
    }
}
