/** Znode path arithmetic the recipes share: joining, namespacing, sequential-node ordering. */
package io.paddock.recipes.nodes;
