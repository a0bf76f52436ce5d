package com.convene.desktop.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallException;
import com.convene.desktop.call.SignedIn;
import com.convene.desktop.ui.SyncBackground;
import com.convene.model.api.UserView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
  private final List<SignedIn> signedIn = new ArrayList<>();

  @Test
  void signInNeedsAllFields() {
    SignInViewModel model = new SignInViewModel((s, u, p) -> { throw new AssertionError(); }, new SyncBackground(),
        signedIn::add);
    assertThat(model.canSignInProperty().get()).isFalse();
    model.serverProperty().set("http://127.0.0.2:8080");
    model.userProperty().set("ada");
    assertThat(model.canSignInProperty().get()).isFalse();
    model.passwordProperty().set("secret");
    assertThat(model.canSignInProperty().get()).isTrue();
  }

  @Test
  void handsOverSessionAndForgetsPassword() {
    SignedIn session = new SignedIn(URI.create("http://127.0.0.2:8080"), "token",
        new UserView(UUID.randomUUID(), "ada", "ada@example.com", "Ada", "member", "UTC", "en", "active", null, null));
    SignInViewModel model = new SignInViewModel((s, u, p) -> {
      assertThat(u).isEqualTo("ada");
      return session;
    }, new SyncBackground(), signedIn::add);
    fill(model);
    model.signIn();
    assertThat(signedIn).containsExactly(session);
    assertThat(model.passwordProperty().get()).isEmpty();
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void showsServerDetailOnFailure() {
    SignInViewModel model = new SignInViewModel((s, u, p) -> {
      throw new CallException("Wrong user name or password.", "urn:convene:problem:invalid-credentials");
    }, new SyncBackground(), signedIn::add);
    fill(model);
    model.signIn();
    assertThat(model.errorProperty().get()).isEqualTo("Wrong user name or password.");
    assertThat(model.passwordProperty().get()).isEqualTo("secret");
    assertThat(signedIn).isEmpty();
  }

  @Test
  void hidesUnexpectedFailureDetails() {
    SignInViewModel model = new SignInViewModel((s, u, p) -> {
      throw new IllegalStateException("NullPointer in parser at line 3");
    }, new SyncBackground(), signedIn::add);
    fill(model);
    model.signIn();
    assertThat(model.errorProperty().get()).doesNotContain("NullPointer").isNotBlank();
  }

  private static void fill(SignInViewModel model) {
    model.serverProperty().set("http://127.0.0.2:8080");
    model.userProperty().set(" ada ");
    model.passwordProperty().set("secret");
  }
}
