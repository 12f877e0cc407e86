package io.paddock.protocol;

/**
 * One operation of a multi or multiRead: its op code and its request record ({@link
 * CreateRequest}, {@link CreateTTLRequest}, {@link DeleteRequest}, {@link SetDataRequest},
 * {@link CheckVersionRequest}, {@link GetChildrenRequest} or {@link GetDataRequest}).
 */
public record MultiOp(int type, Record request) {
}
