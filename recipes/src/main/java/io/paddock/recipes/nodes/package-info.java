/**
 * What the recipes share: znode path arithmetic (joining, namespacing, sequential-node
 * ordering), an ephemeral node kept alive across sessions, and failure unwrapping.
 */
package io.paddock.recipes.nodes;
