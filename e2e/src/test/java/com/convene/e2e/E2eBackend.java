package com.convene.e2e;

import com.convene.backend.config.JwtSecretFile;
import com.convene.backend.devservices.DevServices;
import com.convene.backend.devservices.DevServicesSettings;
import com.convene.sfu.SfuServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/// The one real backend of this test JVM, shared by every end-to-end test class: embedded PostgreSQL and
/// redis-server (DevServices), the Micronaut HTTP server on 127.0.0.2 and the SFU advertising 127.0.0.2, the
/// address libwebrtc can reach inside the test network namespace (docs/decisions/005).
/// Started on first use, stopped by the JVM shutdown hook.
final class E2eBackend {
  /// Advertised and bound address of the HTTP server and the SFU, held by the namespace's ifb device.
  static final String ADDRESS = "127.0.0.2";
  /// The bootstrap admin of the test run. The database is shared with the backend module's tests when
  /// scripts/test.sh runs them all, so this matches `com.convene.backend.TestServices.ADMIN_PASSWORD`: the
  /// first context to start creates the admin, later ones find it.
  static final String ADMIN_USERNAME = "admin";
  static final String ADMIN_PASSWORD = "test-admin-password-0";
  /// The server's installer directory for the update check (`convene.update.directory`), empty unless a test puts
  /// an installer there.
  static final Path UPDATE_DIRECTORY = Path.of("target", "update-releases").toAbsolutePath();

  private static E2eBackend instance;
  /// The shared backend's configuration, once it runs.
  private static Map<String, Object> properties;

  private final EmbeddedServer server;
  private final RestFixture rest;

  private E2eBackend(EmbeddedServer server) {
    this.server = server;
    this.rest = new RestFixture(baseUri());
  }

  /// Returns the shared backend, starting it (and its services) on first call.
  static synchronized E2eBackend get() {
    if (instance == null) {
      String dir = System.getProperty("convene.dev-services.dir", "target/devservices");
      DevServices started = null;
      Map<String, Object> props = new HashMap<>();
      var shared = DevServices.sharedProperties();
      if (shared.isPresent()) {
        props.putAll(shared.get());
      } else {
        started = DevServices.start(new DevServicesSettings(true, Path.of(dir).toAbsolutePath(), true, "redis-server"));
        props.putAll(started.properties());
      }
      props.put(JwtSecretFile.PROPERTY, JwtSecretFile.generate());
      props.put("convene.bootstrap.admin.username", ADMIN_USERNAME);
      props.put("convene.bootstrap.admin.password", ADMIN_PASSWORD);
      props.put("micronaut.server.host", ADDRESS);
      props.put("micronaut.server.port", -1);
      props.put("convene.sfu.bind-address", ADDRESS);
      props.put("convene.sfu.advertised-addresses", ADDRESS);
      props.put("convene.sfu.udp-port", 0);
      // every test JVM logs in from the same loopback address; LoginRateLimitIT tests the limit on its own
      props.put("convene.account.login-rate-limit", "100000");
      // the tests register their own members; registration is closed by default (docs/security.md)
      props.put("convene.account.registration-enabled", "true");
      props.put("convene.recording.spool-directory", Path.of("target", "recording-spool").toAbsolutePath().toString());
      props.put("convene.outbox.directory", Path.of("target", "outbox").toAbsolutePath().toString());
      props.put("convene.storage.local.root", Path.of("target", "storage").toAbsolutePath().toString());
      props.put("convene.update.directory", UPDATE_DIRECTORY.toString());
      EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
      if (started != null) {
        started.stopAfterOnShutdown(server::stop);
      }
      properties = Map.copyOf(props);
      instance = new E2eBackend(server);
    }
    return instance;
  }

  /// Starts a second backend of its own on the same services (PostgreSQL, Redis) with `overrides` on top of the
  /// shared backend's configuration, for a test that must break one of the backend's parts (for example its
  /// Cassandra) without disturbing the other tests. The caller stops it with [#stop()].
  static E2eBackend startSeparate(Map<String, Object> overrides) {
    get();
    Map<String, Object> props = new HashMap<>(properties);
    props.putAll(overrides);
    return new E2eBackend(ApplicationContext.run(EmbeddedServer.class, props));
  }

  /// The shared backend's configuration with `overrides` on top, for a backend in a process of its own
  /// ([BackendProcess]) on the same services.
  static Map<String, Object> configurationWith(Map<String, Object> overrides) {
    get();
    Map<String, Object> props = new HashMap<>(properties);
    props.putAll(overrides);
    return props;
  }

  /// Stops a backend from [#startSeparate]; the shared one stops with the JVM.
  void stop() {
    if (this == instance) {
      throw new IllegalStateException("the shared backend stops with the JVM");
    }
    server.getApplicationContext().close();
  }

  URI baseUri() {
    return URI.create("http://" + ADDRESS + ":" + server.getPort());
  }

  RestFixture rest() {
    return rest;
  }

  ApplicationContext context() {
    return server.getApplicationContext();
  }

  SfuServer sfu() {
    return context().getBean(SfuServer.class);
  }
}
