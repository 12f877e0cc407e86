/** The end-to-end load generator and what it reports. */
package io.paddock.bench.load;
