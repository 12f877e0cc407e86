package io.paddock.recipes.atomic;

/**
 * The outcome of an operation on a {@link DistributedAtomicLong}.
 *
 * @param succeeded false if the retry policy gave up (or a compare-and-set found another value)
 * @param preValue the value the operation saw
 * @param postValue the value it wrote (equal to {@code preValue} if it did not succeed)
 */
public record AtomicValue(boolean succeeded, long preValue, long postValue) {
}
