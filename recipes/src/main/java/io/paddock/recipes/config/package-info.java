/**
 * Configuration from a watched znode: {@link io.paddock.recipes.config.WatchedConfig} decodes it,
 * keeps the current value and tells typed listeners of every new value.
 */
package io.paddock.recipes.config;
