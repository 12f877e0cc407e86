/**
 * Service registry and discovery: {@link io.paddock.recipes.discovery.ServiceDiscovery} registers
 * instances as ephemeral nodes under {@code /services/<name>/<id>};
 * {@link io.paddock.recipes.discovery.ServiceProvider} keeps a live list of one service's
 * instances and picks one with a {@link io.paddock.recipes.discovery.ProviderStrategy}.
 */
package io.paddock.recipes.discovery;
