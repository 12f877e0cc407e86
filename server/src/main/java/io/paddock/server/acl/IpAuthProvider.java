package io.paddock.server.acl;

import io.paddock.protocol.Id;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The ip scheme: a session's id is its client address; an ACL entry names an address or a
 * CIDR block ("10.0.0.0/8"). Only literal addresses are parsed, never names.
 */
public final class IpAuthProvider implements AuthProvider {
    @Override
    public String scheme() {
        return "ip";
    }

    @Override
    public Id authenticate(byte[] auth, String remoteAddress) {
        return remoteAddress == null ? null : new Id(scheme(), remoteAddress);
    }

    @Override
    public boolean matches(String id, String aclId) {
        String[] parts = aclId.split("/", 2);
        byte[] acl = parse(parts[0]);
        byte[] addr = parse(id);
        if (acl == null || addr == null || acl.length != addr.length) {
            return false;
        }
        int bits = acl.length * 8;
        if (parts.length == 2) {
            bits = prefixBits(parts[1], acl.length);
            if (bits < 0) {
                return false;
            }
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((acl[i / 8] & mask) != (addr[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isValid(String aclId) {
        String[] parts = aclId.split("/", 2);
        byte[] acl = parse(parts[0]);
        return acl != null && (parts.length == 1 || prefixBits(parts[1], acl.length) >= 0);
    }

    @Override
    public boolean isAuthenticated() {
        return false;
    }

    private static int prefixBits(String s, int addressBytes) {
        try {
            int bits = Integer.parseInt(s);
            return bits < 0 || bits > addressBytes * 8 ? -1 : bits;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The bytes of a literal IPv4 or IPv6 address, or null. */
    static byte[] parse(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') >= 0) {
            return parseV6(s);
        }
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (octets[i].isEmpty() || octets[i].length() > 3
                    || !octets[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(octets[i]);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseV6(String s) {
        // A string with a colon is an IPv6 literal to InetAddress: no name lookup happens.
        if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
