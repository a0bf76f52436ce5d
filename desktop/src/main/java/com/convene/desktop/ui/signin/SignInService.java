package com.convene.desktop.ui.signin;

import com.convene.desktop.call.SignedIn;

/// Signs a user in; blocking, called off the FX thread.
@FunctionalInterface
public interface SignInService {
  /// @throws com.convene.desktop.call.CallException with a message safe to show
  SignedIn signIn(String serverUrl, String user, String password);
}
