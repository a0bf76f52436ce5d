package com.convene.desktop.ui.signin;

import com.convene.desktop.call.CallException;
import com.convene.desktop.call.SignedIn;
import com.convene.desktop.ui.Background;
import com.convene.desktop.ui.Messages;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// State of the sign-in screen. FX thread only.
public final class SignInViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

  private final StringProperty server = new SimpleStringProperty("");
  private final StringProperty user = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanBinding canSignIn;
  private final SignInService service;
  private final Background background;
  private final Consumer<SignedIn> onSignedIn;

  public SignInViewModel(SignInService service, Background background, Consumer<SignedIn> onSignedIn) {
    this.service = service;
    this.background = background;
    this.onSignedIn = onSignedIn;
    this.canSignIn = Bindings.createBooleanBinding(
        () -> !busy.get() && !server.get().isBlank() && !user.get().isBlank() && !password.get().isEmpty(),
        busy, server, user, password);
  }

  public StringProperty serverProperty() {
    return server;
  }

  public StringProperty userProperty() {
    return user;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  /// The last failure, safe to show; empty when none.
  public StringProperty errorProperty() {
    return error;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanBinding canSignInProperty() {
    return canSignIn;
  }

  /// Signs in off the FX thread; on success clears the password and hands over the session.
  public void signIn() {
    if (busy.get()) {
      return;
    }
    if (!canSignIn.get()) {
      error.set(Messages.get("signin.missing"));
      return;
    }
    busy.set(true);
    error.set("");
    String serverUrl = server.get();
    String userName = user.get().strip();
    String secret = password.get();
    background.run(() -> service.signIn(serverUrl, userName, secret), signedIn -> {
      busy.set(false);
      password.set("");
      onSignedIn.accept(signedIn);
    }, failure -> {
      busy.set(false);
      if (failure instanceof CallException e) {
        error.set(Messages.describe(e));
      } else {
        LOG.error("Sign-in failed unexpectedly", failure);
        error.set(Messages.get("error.generic"));
      }
    });
  }
}
