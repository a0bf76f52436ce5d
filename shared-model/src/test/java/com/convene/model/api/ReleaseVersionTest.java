package com.convene.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseVersionTest {

    @Test
    void comparesComponentsNumericallyNotAsText() {
        assertThat(ReleaseVersion.parse("0.10.0").isNewerThan(ReleaseVersion.parse("0.9.0"))).isTrue();
        assertThat(ReleaseVersion.parse("2.0").isNewerThan(ReleaseVersion.parse("1.99.99"))).isTrue();
        assertThat(ReleaseVersion.parse("1.0.10").compareTo(ReleaseVersion.parse("1.0.9"))).isPositive();
    }

    @Test
    void treatsMissingComponentsAsZero() {
        assertThat(ReleaseVersion.parse("1.2").compareTo(ReleaseVersion.parse("1.2.0"))).isZero();
        assertThat(ReleaseVersion.parse("1.2.0.1").isNewerThan(ReleaseVersion.parse("1.2"))).isTrue();
    }

    @Test
    void sortsPreReleaseBeforeTheRelease() {
        ReleaseVersion snapshot = ReleaseVersion.parse("0.1.0-SNAPSHOT");
        assertThat(snapshot.isPreRelease()).isTrue();
        assertThat(ReleaseVersion.parse("0.1.0").isNewerThan(snapshot)).isTrue();
        assertThat(snapshot.isNewerThan(ReleaseVersion.parse("0.0.9"))).isTrue();
        assertThat(ReleaseVersion.parse("1.0.0-rc.2").isNewerThan(ReleaseVersion.parse("1.0.0-rc.1"))).isTrue();
    }

    @Test
    void sortsAListToTheNewest() {
        List<ReleaseVersion> sorted = List.of("1.0.0", "0.9.12", "1.0.0-beta", "0.10.1", "0.9.2").stream()
                .map(ReleaseVersion::parse).sorted().toList();
        assertThat(sorted).map(ReleaseVersion::toString)
                .containsExactly("0.9.2", "0.9.12", "0.10.1", "1.0.0-beta", "1.0.0");
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        for (String bad : new String[] {"", "v1.0", "1..2", "1.2.3.4.5", "1.0+build", "../etc", "1.0-", "1.x"}) {
            assertThat(ReleaseVersion.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> ReleaseVersion.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void printsAsWritten() {
        assertThat(ReleaseVersion.parse("1.2.0-rc.1")).hasToString("1.2.0-rc.1");
        assertThat(ReleaseVersion.parse("7")).hasToString("7");
    }
}
