package io.paddock.server.compat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a contract test that needs a server no earlier test has used: it reads counters a wipe
 * cannot reset (the root's sequence numbers, zxids relative to other sessions' txns). Targets
 * that share one server across a class's tests start a new one for it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface FreshServer {
    /** Which counter the test reads. */
    String value();
}
