/** The messages peers exchange: one sealed family of records. Pure: no I/O. */
package io.paddock.zab.message;
