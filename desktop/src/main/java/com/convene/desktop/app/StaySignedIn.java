package com.convene.desktop.app;

import com.convene.desktop.app.credentials.RefreshTokenStore;
import com.convene.desktop.app.credentials.RefreshTokenStores;
import com.convene.desktop.app.settings.ConfigLocations;
import com.convene.desktop.app.settings.AppSettings;
import com.convene.desktop.call.ConveneApiClient;
import com.convene.desktop.call.SignedIn;
import com.convene.desktop.ui.Background;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// "Stay signed in": keeps the sign-in's refresh token (RFC 6749 §6, rotated at every renewal) in the
/// [RefreshTokenStore] the machine offers, signs in with it at the next start, and forgets it at Sign out
/// (revoking it on the server). On unless the setting `stay-signed-in` (or `-Dconvene.stay-signed-in`) is
/// `false`. Store and server calls run through the background; results arrive on the FX thread.
final class StaySignedIn {
  /// Settings key of the switch.
  static final String SETTING = "stay-signed-in";
  private static final Logger LOG = LoggerFactory.getLogger(StaySignedIn.class);
  private final ConfigLocations where;
  private final HttpClient http;
  private final Background background;
  private final Supplier<RefreshTokenStore> storeFactory;
  private @Nullable RefreshTokenStore store;

  StaySignedIn(ConfigLocations where, HttpClient http, Background background) {
    this(where, http, background, () -> RefreshTokenStores.open(where.userDir(),
        AppSettings.load(where).get("token-store").orElse("auto")));
  }

  /// @param storeFactory opens the store on first use (blocking, on the background)
  StaySignedIn(ConfigLocations where, HttpClient http, Background background,
      Supplier<RefreshTokenStore> storeFactory) {
    this.where = where;
    this.http = http;
    this.background = background;
    this.storeFactory = storeFactory;
  }

  /// Whether the app keeps sign-ins (setting `stay-signed-in`, default on).
  boolean enabled() {
    return AppSettings.flag(AppSettings.load(where), SETTING, true);
  }

  /// Signs in with the token kept for `user` on `server`, if any: `onSignedIn` with the session, else `onNone`
  /// (nothing kept, or the server refused it: the token is then forgotten), or `onFailed` when the server could
  /// not be reached (the token stays for the next try).
  void resume(String server, String user, Consumer<SignedIn> onSignedIn, Runnable onNone,
      Consumer<Throwable> onFailed) {
    background.run(() -> {
      ConveneApiClient api = new ConveneApiClient(http, ConveneApiClient.parseServerUrl(server));
      String account = RefreshTokenStore.account(api.serverUrl().toString(), user);
      String token = store().load(account).orElse(null);
      if (token == null) {
        return new Resumed(null);
      }
      try {
        SignedIn session = api.resume(token);
        keepBlocking(session);
        return new Resumed(session);
      } catch (com.convene.desktop.call.SessionExpiredException refused) {
        store().delete(account);
        LOG.info("The kept sign-in was refused ({}); asking for the password", refused.getMessage());
        return new Resumed(null);
      }
    }, resumed -> {
      if (resumed.session() == null) {
        onNone.run();
      } else {
        onSignedIn.accept(resumed.session());
      }
    }, onFailed);
  }

  /// Keeps a fresh sign-in's refresh token, and each one its renewals bring.
  void keep(SignedIn session) {
    background.run(() -> {
      keepBlocking(session);
      return Boolean.TRUE;
    }, kept -> { }, failure -> LOG.warn("Could not keep the sign-in: {}", failure.toString()));
  }

  /// Sign out: forgets the kept token and revokes it on the server (`POST /api/v1/auth/logout`).
  void forget(SignedIn session) {
    background.run(() -> {
      store().delete(account(session));
      String token = session.tokens().refreshToken();
      if (token != null) {
        new ConveneApiClient(http, session.serverUrl()).logout(token);
      }
      return Boolean.TRUE;
    }, done -> LOG.info("Signed out; the kept sign-in is forgotten"),
        failure -> LOG.warn("Signing out on the server failed: {}", failure.toString()));
  }

  private void keepBlocking(SignedIn session) {
    String token = session.tokens().refreshToken();
    if (token == null || session.user() == null) {
      return;
    }
    String account = account(session);
    store().save(account, token);
    session.tokens().onRotated(rotated -> {
      try {
        store().save(account, rotated);
      } catch (RuntimeException e) {
        LOG.warn("Could not keep the renewed sign-in: {}", e.toString());
      }
    });
  }

  private static String account(SignedIn session) {
    return RefreshTokenStore.account(session.serverUrl().toString(), Objects.requireNonNull(session.user()).username());
  }

  private synchronized RefreshTokenStore store() {
    if (store == null) {
      store = storeFactory.get();
    }
    return store;
  }

  private record Resumed(@Nullable SignedIn session) {}
}
