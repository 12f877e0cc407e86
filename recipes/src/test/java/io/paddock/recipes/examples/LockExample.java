package io.paddock.recipes.examples;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.locks.InterProcessMutex;
import io.paddock.recipes.locks.InterProcessSemaphore;
import io.paddock.recipes.locks.Lease;
import java.time.Duration;

/** A cluster-wide mutex and a semaphore. */
public final class LockExample {
    public static void main(String[] args) throws Exception {
        System.out.println(run(args[0]));
    }

    static boolean run(String connectString) throws Exception {
        try (PaddockClient client = Clients.connect(connectString)) {
            // tag::example[]
            InterProcessMutex lock = new InterProcessMutex(client, "/locks/invoice-42");
            if (lock.acquire(Duration.ofSeconds(5))) {
                try {
                    System.out.println("only one process runs this at a time");
                } finally {
                    lock.release();
                }
            }
            InterProcessSemaphore slots = new InterProcessSemaphore(client, "/locks/gpu", 4);
            try (Lease lease = slots.acquire(Duration.ofSeconds(5))) {   // null on timeout
                return lease != null;
            }
            // end::example[]
        }
    }
}
