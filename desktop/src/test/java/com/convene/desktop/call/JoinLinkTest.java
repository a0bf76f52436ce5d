package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JoinLinkTest {

  @ParameterizedTest
  @CsvSource({
    "convene://join/abc-defg-hij, abc-defg-hij",
    "CONVENE://join/ABC-DEFG-HIJ, abc-defg-hij",
    "https://meet.example.com/j/abc-defg-hij, abc-defg-hij",
    "http://127.0.0.2:8080/j/abc-defg-hij?pwd=1#x, abc-defg-hij",
    "https://meet.example.com/base/j/abc-defg-hij/, abc-defg-hij",
    "'  abc-defg-hij  ', abc-defg-hij",
    "3F2504E0-4F89-11D3-9A0C-0305E82C3301, 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    "convene://join/3f2504e0-4f89-11d3-9a0c-0305e82c3301, 3f2504e0-4f89-11d3-9a0c-0305e82c3301"
  })
  void extractsMeetingReference(String input, String expected) {
    assertThat(JoinLink.parse(input)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "hello", "convene://call/abc-defg-hij", "https://meet.example.com/meetings",
      "https://meet.example.com/j/", "abc defg hij", "abc-defg-hij; drop table", "convene://join/"})
  void rejectsWhatIsNotAMeetingReference(String input) {
    assertThat(JoinLink.parse(input)).isEmpty();
  }
}
