package io.paddock.recipes.examples;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.naming.UniqueNameGenerator;

/** Cluster-wide unique names. Run with a connect string, e.g. {@code 127.0.0.1:2181}. */
public final class NamingExample {
    public static void main(String[] args) {
        System.out.println(run(args[0]));
    }

    static String run(String connectString) {
        try (PaddockClient client = Clients.connect(connectString)) {
            // tag::example[]
            UniqueNameGenerator orders = new UniqueNameGenerator(client, "/names/orders", "order-");
            String name = orders.next();          // e.g. "order-0000000042", unique cluster-wide
            // end::example[]
            return name;
        }
    }
}
