package io.paddock.server.net;

import io.paddock.server.acl.AclChecker;
import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.admin.FourLetterWords;
import io.paddock.server.auth.ServerAuth;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.metrics.ServerStats;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.watch.WatchManager;

/**
 * The shared services every client connection uses; one per server. {@code security} holds
 * the SASL server and the enforcement rule besides the registry in {@code auth}.
 */
record ClientServices(
        ServerConfig config,
        RequestPipeline pipeline,
        SessionTracker sessions,
        AuthRegistry auth,
        AclChecker acl,
        WatchManager watches,
        FourLetterWords fourLetterWords,
        ConnectionRegistry connections,
        ServerStats stats,
        ServerAuth security,
        ServingState serving) {
}
