package com.convene.desktop.app;

import com.convene.model.api.ReleaseVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The version of this app: `version` in the resource `version.properties`, which the Maven build fills with
/// `${project.version}` (the same number the installers carry, decision 070, with its `-SNAPSHOT` qualifier while in
/// development, which sorts below the release). Thread-safe.
final class AppVersion {
  private static final Logger LOG = LoggerFactory.getLogger(AppVersion.class);

  private AppVersion() {}

  /// The running version, or `0` when the resource is missing or unfilled (then every release counts as newer).
  static ReleaseVersion current() {
    Properties properties = new Properties();
    try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      LOG.warn("Cannot read the app version: {}", e.toString());
    }
    String version = properties.getProperty("version", "").strip();
    if (!ReleaseVersion.isValid(version)) {
      LOG.warn("The app version '{}' is not a release version; treating it as 0", version);
      return ReleaseVersion.parse("0");
    }
    return ReleaseVersion.parse(version);
  }
}
