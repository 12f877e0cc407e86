package io.paddock.zab.broadcast;

import java.io.File;
import java.util.Random;
import java.util.concurrent.Executors;

/** Breaks every purity rule once, so {@code PurityTest} can show that its rules catch each break. */
public final class ImpureFixture {

    private ImpureFixture() {
    }

    static Object breakEveryRule() {
        File file = new File("log");
        Thread thread = new Thread(() -> { });
        long now = System.currentTimeMillis() + System.nanoTime();
        return new Object[] {file, thread, now, Executors.newSingleThreadExecutor(), new Random()};
    }
}
