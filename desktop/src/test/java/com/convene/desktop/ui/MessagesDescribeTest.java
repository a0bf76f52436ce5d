package com.convene.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallException;
import com.convene.desktop.call.CallProblem;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/// What a screen shows for a failure: this app's own problems from the bundle (every [CallProblem] has a key in
/// English and German), the server's own words otherwise, never a technical exception text.
class MessagesDescribeTest {
  @Test
  void everyProblemHasItsTextInBothBundles() {
    for (String language : new String[] {"en", "de"}) {
      ResourceBundle bundle = ResourceBundle.getBundle("com.convene.desktop.ui.messages", Locale.of(language),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      for (CallProblem problem : CallProblem.values()) {
        assertThat(bundle.containsKey(problem.key())).as(language + " " + problem.key()).isTrue();
      }
    }
  }

  @Test
  void ownProblemsComeFromTheBundleServerWordsAsSentAndAnythingElseIsGeneric() {
    assertThat(Messages.describe(new CallException(CallProblem.SERVER_UNREACHABLE, new java.io.IOException("x"))))
        .isEqualTo(Messages.get("error.serverUnreachable"));
    assertThat(Messages.describe(new CallException("Meeting is locked.", "urn:convene:problem:meeting-locked")))
        .isEqualTo("Meeting is locked.");
    assertThat(Messages.describe(new IllegalStateException("NPE at line 12"))).isEqualTo(Messages.get("error.generic"));
  }
}
