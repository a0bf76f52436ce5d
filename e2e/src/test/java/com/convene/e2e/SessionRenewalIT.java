package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.desktop.app.ConveneApp;
import com.convene.desktop.call.ConveneApiClient;
import com.convene.desktop.call.SessionExpiredException;
import com.convene.desktop.call.SessionTokens;
import com.convene.desktop.call.SignedIn;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.UserView;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/// Issue 7, "a person can use it all day" and "expired session": the desktop's sign-in outlives its 15-minute access
/// tokens by renewing them with the refresh token against the real backend, survives an access token the server
/// revoked early (role change), and, when the server ends the sign-in (account disabled), the real app says so on
/// its sign-in screen instead of failing screen by screen. Also a wrong server address at sign-in: a clear message,
/// and the window goes on working.
@Tag("media")
class SessionRenewalIT {
  private final FxRobot robot = new FxRobot();

  @AfterAll
  static void cleanup() throws Exception {
    if (ConveneApp.running().isPresent()) {
      FxToolkit.cleanupApplication(ConveneApp.running().get());
    }
  }

  @Test
  void renewsBeforeExpiryAndAfterAnEarlyRevocation() {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account admin = rest.admin();
    RestFixture.Account member = rest.newMember("Renew");
    ConveneApiClient api = new ConveneApiClient(HttpClient.newHttpClient(), backend.baseUri());

    // a clock the test moves: 14.5 minutes on, the 15-minute token is within a minute of expiry
    AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    InstantSource clock = now::get;
    LoginResponse login = rest.post("/api/v1/auth/login",
        Map.of("username", member.username(), "password", member.password()), null, LoginResponse.class);
    SignedIn session = new SignedIn(backend.baseUri(), SessionTokens.of(login, api::refresh, clock), login.user());
    String first = session.accessToken();
    assertThat(first).isEqualTo(login.accessToken());
    now.set(now.get().plusSeconds(login.expiresIn() - 30));
    String renewed = session.accessToken();
    assertThat(renewed).as("renewed through POST /api/v1/auth/refresh").isNotEqualTo(first);
    assertThat(api.upcomingMeetings(session)).isNotNull();
    // the spent refresh token is refused by the real server (rotation), and replaying it revokes its whole family
    // (decision 091): the renewed tokens of this sign-in stop working too, so the app asks to sign in again
    assertThatThrownBy(() -> api.refresh(login.refreshToken())).isInstanceOf(SessionExpiredException.class);
    assertThatThrownBy(() -> api.upcomingMeetings(session))
        .isInstanceOf(SessionExpiredException.class)
        .hasMessageContaining("sign in again");

    // a new sign-in; an admin changes the member's role: the server refuses its access tokens at once; the client
    // renews and goes on
    LoginResponse again = rest.post("/api/v1/auth/login",
        Map.of("username", member.username(), "password", member.password()), null, LoginResponse.class);
    SignedIn renewedSession = new SignedIn(backend.baseUri(), SessionTokens.of(again, api::refresh, clock),
        again.user());
    UserView user = again.user();
    rest.put("/api/v1/users/" + user.id() + "/role", Map.of("role", "admin"), admin.token(), Map.class);
    String revoked = renewedSession.accessToken();
    assertThat(api.upcomingMeetings(renewedSession)).isNotNull();
    assertThat(renewedSession.accessToken()).as("renewed after the 401").isNotEqualTo(revoked);

    // the account is disabled: nothing to renew with any more
    rest.post("/api/v1/users/" + user.id() + "/disable", Map.of(), admin.token(), Map.class);
    assertThatThrownBy(() -> api.upcomingMeetings(renewedSession))
        .isInstanceOf(SessionExpiredException.class)
        .hasMessageContaining("sign in again");
  }

  @Test
  void theAppExplainsAWrongServerAndAnEndedSignIn() throws Exception {
    Assumptions.assumeFalse(
        GraphicsEnvironment.isHeadless(), "needs a display: scripts/test.sh runs the tests under xvfb-run");
    System.setProperty("testfx.robot", "glass");
    System.setProperty("testfx.headless", "false");
    FxToolkit.registerPrimaryStage();
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account admin = rest.admin();
    RestFixture.Account member = rest.newMember("Ending");
    URI nowhere = URI.create("http://" + backend.baseUri().getHost() + ":9");

    FxToolkit.setupApplication(ConveneApp.class, "--server=" + nowhere, "--user=" + member.username(),
        "--audio=headless", "--video=pattern");
    robot.clickOn("#passwordField").write(member.password());
    robot.clickOn("#signInButton");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#signInError").queryAs(Labeled.class).getText()),
            text -> text.contains("Could not reach the server"));
    System.out.println("E2E wrong server: " + onFx(() -> robot.lookup("#signInError").queryAs(Labeled.class)
        .getText()));

    // the window still works: correct the address and sign in
    onFx(() -> {
      robot.lookup("#serverField").queryAs(TextField.class).setText(backend.baseUri().toString());
      return null;
    });
    robot.clickOn("#signInButton");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> robot.lookup("#refreshButton").tryQuery().isPresent());

    UserView user = new ConveneApiClient(HttpClient.newHttpClient(), backend.baseUri())
        .login(member.username(), member.password()).user();
    rest.post("/api/v1/users/" + user.id() + "/disable", Map.of(), admin.token(), Map.class);
    robot.clickOn("#refreshButton");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#signInError").queryAs(Labeled.class).getText()),
            text -> text.contains("sign in again"));
    System.out.println("E2E ended sign-in: " + onFx(() -> robot.lookup("#signInError").queryAs(Labeled.class)
        .getText()));
  }
}
