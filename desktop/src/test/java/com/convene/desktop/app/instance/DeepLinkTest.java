package com.convene.desktop.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeepLinkTest {

  @ParameterizedTest
  @CsvSource({
    "convene://join/abc-defg-hij, convene://join/abc-defg-hij",
    "CONVENE://JOIN/ABC-DEFG-HIJ, convene://join/abc-defg-hij",
    "convene://join/abc-defg-hij/, convene://join/abc-defg-hij",
    "convene://join/abc-defg-hij?from=ics#x, convene://join/abc-defg-hij",
    "' convene://join/abc-defg-hij ', convene://join/abc-defg-hij",
    "https://meet.example.com/j/abc-defg-hij, convene://join/abc-defg-hij",
    "convene://join/3f2504e0-4f89-11d3-9a0c-0305e82c3301, convene://join/3f2504e0-4f89-11d3-9a0c-0305e82c3301"
  })
  void normalisesMeetingLinks(String argument, String expected) {
    assertThat(DeepLink.parse(argument)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc-defg-hij", "--server=https://meet.example.com", "%u", "convene://",
      "convene://join/", "convene://settings/reset", "convene://join/abc defg", "convene://join/../../etc/passwd",
      "convene://join/abc-defg-hij;rm -rf", "https://meet.example.com/meetings", "file:///etc/passwd"})
  void rejectsEverythingElse(String argument) {
    assertThat(DeepLink.parse(argument)).isEmpty();
  }

  @Test
  void findsTheLinkAmongTheLauncherArguments() {
    assertThat(DeepLink.find(List.of("--audio=headless", "convene://join/abc-defg-hij", "convene://join/x-y")))
        .contains("convene://join/abc-defg-hij");
    assertThat(DeepLink.find(List.of("--server=https://meet.example.com/j/abc-defg-hij"))).isEmpty();
    assertThat(DeepLink.find(List.of())).isEmpty();
  }
}
