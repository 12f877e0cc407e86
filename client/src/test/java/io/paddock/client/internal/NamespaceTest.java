package io.paddock.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NamespaceTest {
    @Test
    void prefixesAndStripsChrootPlusNamespace() {
        Namespace ns = Namespace.of("/root", "app");
        assertEquals("/root/app", ns.prefix());
        assertEquals("/root/app/x", ns.toServer("/x"));
        assertEquals("/root/app", ns.toServer("/"));
        assertEquals("/x", ns.toClient("/root/app/x"));
        assertEquals("/", ns.toClient("/root/app"));
        assertEquals("/root/apple", ns.toClient("/root/apple"));
        assertThrows(IllegalArgumentException.class, () -> ns.toServer("x"));
        assertEquals("/x", Namespace.of("", "").toServer("/x"));
    }
}
