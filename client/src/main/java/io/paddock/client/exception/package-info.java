/**
 * Typed failures: {@link io.paddock.client.exception.PaddockException} and one subclass per
 * ZooKeeper error code.
 */
package io.paddock.client.exception;
