package com.convene.backend.sfu;

import com.convene.sfu.SfuConfig;
import com.convene.sfu.SfuServer;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Starts the SFU library (module `sfu`) as a singleton bean and closes it with the application context.
@Factory
final class SfuFactory {
  private static final Logger LOG = LoggerFactory.getLogger(SfuFactory.class);

  @Singleton
  @Bean(preDestroy = "close")
  SfuServer sfuServer(SfuProperties properties) {
    SfuServer server =
        SfuServer.start(
            new SfuConfig(
                properties.bindAddress(),
                properties.udpPort(),
                properties.advertisedAddresses(),
                properties.pliThrottle()));
    LOG.info(
        "SFU listening on udp {}:{} advertising {}",
        properties.bindAddress(),
        server.port(),
        properties.advertisedAddresses());
    return server;
  }
}
