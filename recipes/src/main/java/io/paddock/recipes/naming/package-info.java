/** Naming: {@link io.paddock.recipes.naming.UniqueNameGenerator} mints cluster-wide unique names. */
package io.paddock.recipes.naming;
