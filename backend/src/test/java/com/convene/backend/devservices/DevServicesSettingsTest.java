package com.convene.backend.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DevServicesSettingsTest {

    @Test
    void enabledByDefaultWithoutDatasourceUrl() {
        Properties props = new Properties();
        props.setProperty("user.home", "/home/dev");

        DevServicesSettings settings = DevServicesSettings.from(props, Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.directory()).isEqualTo(Path.of("/home/dev/.convene/dev"));
        assertThat(settings.clean()).isFalse();
        assertThat(settings.redisServer()).isEqualTo("redis-server");
    }

    @Test
    void disabledWhenProductionDatasourceIsConfigured() {
        DevServicesSettings settings = DevServicesSettings.from(new Properties(),
                Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/convene"));

        assertThat(settings.enabled()).isFalse();
    }

    @Test
    void systemPropertiesWinOverEnvironment() {
        Properties props = new Properties();
        props.setProperty("convene.dev-services.enabled", "true");
        props.setProperty("convene.dev-services.dir", "/tmp/x");

        DevServicesSettings settings = DevServicesSettings.from(props,
                Map.of("CONVENE_DEV_SERVICES", "false", "CONVENE_DEV_SERVICES_DIR", "/tmp/y",
                        "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/convene"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.directory()).isEqualTo(Path.of("/tmp/x"));
    }
}
