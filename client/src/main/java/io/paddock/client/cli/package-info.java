/**
 * paddock-cli, a zkCli replacement over {@code PaddockClient}: zkCli's commands, flags and
 * messages; an interactive shell on JLine with history and completion; one-shot mode with exit
 * codes and {@code --json} output. {@link io.paddock.client.cli.PaddockShell} is the entry.
 */
package io.paddock.client.cli;
