/** A zkCli-like interactive shell over {@code PaddockClient}. */
package io.paddock.client.cli;
