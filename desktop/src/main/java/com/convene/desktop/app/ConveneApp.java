package com.convene.desktop.app;

import com.convene.desktop.app.settings.AppSettings;
import com.convene.desktop.app.settings.ConfigLocations;
import com.convene.desktop.app.settings.LayeredSettings;
import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallSession;
import com.convene.desktop.call.ConveneApiClient;
import com.convene.desktop.call.FxCallAdapter;
import com.convene.desktop.call.SessionExpiredException;
import com.convene.desktop.reminders.ConveneTray;
import com.convene.desktop.reminders.MeetingReminders;
import com.convene.desktop.reminders.ReminderRules;
import com.convene.desktop.reminders.TrayMenu;
import com.convene.desktop.call.SignedIn;
import com.convene.desktop.call.WebSocketSignalingChannel;
import com.convene.desktop.media.DeviceChoice;
import com.convene.desktop.media.MediaEngine;
import com.convene.desktop.ui.Background;
import com.convene.desktop.ui.FxBackground;
import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.call.CallView;
import com.convene.desktop.ui.call.CallViewModel;
import com.convene.desktop.ui.devices.DevicesView;
import com.convene.desktop.ui.devices.DevicesViewModel;
import com.convene.desktop.ui.devices.VirtualDevices;
import com.convene.desktop.ui.meetings.JoinTarget;
import com.convene.desktop.ui.Dates;
import com.convene.desktop.ui.meetings.MeetingsView;
import com.convene.desktop.ui.meetings.MeetingsViewModel;
import com.convene.desktop.ui.recordings.DownloadFolder;
import com.convene.desktop.ui.recordings.RecordingsService;
import com.convene.desktop.ui.recordings.RecordingsView;
import com.convene.desktop.ui.recordings.RecordingsViewModel;
import com.convene.desktop.ui.prejoin.PreJoinChoice;
import com.convene.desktop.ui.prejoin.PreJoinView;
import com.convene.desktop.ui.prejoin.PreJoinViewModel;
import com.convene.desktop.ui.schedule.ScheduleView;
import com.convene.desktop.ui.schedule.ScheduleViewModel;
import com.convene.desktop.ui.signin.SignInView;
import com.convene.desktop.ui.signin.SignInViewModel;
import com.convene.desktop.ui.theme.SystemTheme;
import com.convene.desktop.ui.theme.ThemeMode;
import com.convene.desktop.ui.theme.ThemePreference;
import com.convene.desktop.ui.theme.Themes;
import com.convene.desktop.ui.update.InstallerChoice;
import com.convene.desktop.ui.update.UpdateBanner;
import com.convene.desktop.ui.update.UpdateService;
import com.convene.desktop.ui.update.UpdateViewModel;
import com.convene.model.api.ClientDownload;
import com.convene.model.api.ClientRelease;
import com.convene.model.api.MeetingView;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The Convene desktop app: sign-in → upcoming meetings → call, in one window.
///
/// Tests can start it with TestFX (`FxToolkit.setupApplication(ConveneApp.class, "--server=…", "--audio=headless",
/// "--video=pattern", "--tone-hz=440")`), drive it through the control ids documented on the views, and read
/// [#running()] → [#callView()] / [#callSession()] for tiles and measurements. FX thread unless stated.
///
/// A meeting link from the command line or handed over by a later launch ([#openLinkLater]) is joined as soon as
/// the app is signed in; a link arriving during a call with others in it asks before leaving that call
/// ([CallViewModel#askLeaveFor]).
///
/// Size: over 500 lines because it wires every screen (sign-in, home, pre-join, call, recordings, devices) and the
/// tray; a navigation model that owns the screen changes is planned (issue 16) and will take most of it.
public final class ConveneApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(ConveneApp.class);
  private static volatile @Nullable ConveneApp running;
  /// The newest link a later launch handed over, until the FX thread takes it.
  private static final AtomicReference<@Nullable String> HANDED_LINK = new AtomicReference<>();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /// Background work; a sign-in the server no longer accepts leads back to the sign-in screen from any screen.
  private final Background background = new SessionAwareBackground(new FxBackground(), this::sessionExpired);
  private @Nullable CompletableFuture<MediaEngine> engine;
  private final ConfigLocations where = ConfigLocations.current();
  private AppOptions options = AppOptions.DEFAULTS;
  private @Nullable Stage stage;
  private @Nullable Scene scene;
  /// The window's root: the update banner on top, the current screen in the centre.
  private final BorderPane frame = new BorderPane();
  private @Nullable SignedIn signedIn;
  private @Nullable CallView callView;
  private @Nullable FxCallAdapter call;
  /// Switches the call's camera when one is unplugged or comes back; null unless a call sends a camera.
  private @Nullable CallDeviceWatch deviceWatch;
  private @Nullable String pendingMeetingsMessage;
  /// Why the sign-in screen is shown again (the server ended the sign-in), shown there once.
  private @Nullable String pendingSignInMessage;
  /// Set at start when `password-file` is given: sign in once.
  private boolean autoSignInPending;
  /// Set at start: sign in with the kept refresh token, once.
  private boolean resumePending;
  private final StaySignedIn staySignedIn = new StaySignedIn(where, http, background);
  /// `convene://join/<code>` to join once signed in and out of any call.
  private @Nullable String pendingJoinLink;
  /// The look, decided in [#init()] (off the FX thread: following the desktop runs `gsettings`).
  private volatile @Nullable ThemeMode themeMode;
  /// Reminders of my meetings while signed in, and the tray icon where the desktop has a tray (decision 084).
  private @Nullable MeetingReminders reminders;
  private volatile @Nullable ConveneTray tray;
  private @Nullable CallViewModel callModel;
  /// The meeting (id or join code, as joined) of the running call: no reminder for it.
  private @Nullable String callMeeting;
  /// What was reminded already, per server and user, for the app's whole run: signing in again repeats nothing.
  private final Map<String, ReminderRules> reminderRules = new java.util.HashMap<>();
  private final javafx.animation.Timeline trayRefresh = new javafx.animation.Timeline(
      new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), event -> refreshTray()));

  /// The started app, if any. Any thread.
  public static Optional<ConveneApp> running() {
    return Optional.ofNullable(running);
  }

  /// Reads the options and settles light or dark before the window opens. Runs on the launcher thread.
  @Override
  public void init() {
    options = AppOptions.parse(getParameters().getNamed(), getParameters().getUnnamed(), where);
    themeMode = SystemTheme.resolve(options.theme());
  }

  @Override
  public void start(Stage primaryStage) {
    options = AppOptions.parse(getParameters().getNamed(), getParameters().getUnnamed(), where);
    autoSignInPending = options.signsInAutomatically();
    resumePending = true;
    pendingJoinLink = options.joinLink();
    stage = primaryStage;
    scene = new Scene(frame, 1024, 720);
    ThemeMode mode = themeMode;
    Themes.apply(scene, mode != null ? mode
        : options.theme() == ThemePreference.DARK ? ThemeMode.DARK : ThemeMode.LIGHT);
    primaryStage.setTitle(Messages.get("app.title"));
    primaryStage.setScene(scene);
    showSignIn();
    primaryStage.show();
    running = this;
    LOG.info("Convene desktop started");
    startTray();
    takeHandedLink();
  }

  /// Hands a meeting link (already checked by `DeepLink`) to the running app, or keeps it for the app about to
  /// start. Any thread.
  public static void openLinkLater(String link) {
    HANDED_LINK.set(link);
    ConveneApp app = running;
    if (app != null) {
      Platform.runLater(app::takeHandedLink);
    }
  }

  /// Opens the link handed over last, once: whichever of [#start] and [#openLinkLater] comes second takes it.
  private void takeHandedLink() {
    String link = HANDED_LINK.getAndSet(null);
    if (link != null) {
      openLink(link);
    }
  }

  /// Brings the running app's window to the front (a later launch without a link). Any thread.
  public static void activateLater() {
    ConveneApp app = running;
    if (app != null) {
      Platform.runLater(app::toFront);
    }
  }

  private void openLink(String link) {
    LOG.info("Opening meeting link {}", link);
    toFront();
    CallViewModel model = callModel;
    if (call != null && model != null) {
      // the call screen's close handler shows the meetings, which joins the link
      model.askLeaveFor(com.convene.desktop.call.JoinLink.parse(link).orElse(link), () -> {
        pendingJoinLink = link;
        model.leave();
      });
      return;
    }
    pendingJoinLink = link;
    if (signedIn != null) {
      showMeetings(signedIn);
    }
  }

  private void toFront() {
    if (stage != null) {
      stage.setIconified(false);
      stage.toFront();
    }
  }

  @Override
  public void stop() {
    running = null;
    stopReminders();
    trayRefresh.stop();
    ConveneTray installedTray = tray;
    tray = null;
    if (installedTray != null) {
      installedTray.remove();
    }
    stopDeviceWatch();
    FxCallAdapter current = call;
    call = null;
    Thread closer = Thread.ofPlatform().daemon().start(() -> {
      if (current != null) {
        current.session().close();
      }
      if (engine != null && engine.isDone() && !engine.isCompletedExceptionally()) {
        engine.join().close();
      }
    });
    try {
      closer.join(TimeUnit.SECONDS.toMillis(6));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /// The call screen while in a call.
  public Optional<CallView> callView() {
    return Optional.ofNullable(callView);
  }

  /// The running call session while in a call (for [CallSession#stats()]).
  public Optional<CallSession> callSession() {
    return Optional.ofNullable(call).map(FxCallAdapter::session);
  }

  // ---- navigation ----

  /// The server refused this sign-in (refresh token spent or revoked, account disabled): back to the sign-in
  /// screen with the reason. A running call goes on until it ends by itself.
  private void sessionExpired(SessionExpiredException expired) {
    LOG.info("Sign-in no longer accepted: {}", expired.getMessage());
    pendingSignInMessage = Messages.describe(expired);
    if (call == null) {
      showSignIn();
    }
  }

  /// Sign out: forgets the kept sign-in (and revokes it), back to the sign-in screen with server and user name.
  private void signOut() {
    SignedIn session = signedIn;
    if (session != null && staySignedIn.enabled()) {
      staySignedIn.forget(session);
    }
    showSignIn();
  }

  private void showSignIn() {
    signedIn = null;
    stopReminders();
    frame.setTop(null);
    SignInViewModel model = new SignInViewModel(
        (server, user, password) -> new ConveneApiClient(http, ConveneApiClient.parseServerUrl(server))
            .login(user, password),
        background, this::signedIn);
    // read again: after a sign-in the user's file holds its server and user (saved by signedIn), so Sign out keeps
    // them; `--server`/`--user` arguments still win
    AppOptions current = AppOptions.parse(getParameters().getNamed(), getParameters().getUnnamed(), where);
    model.serverProperty().set(current.server());
    model.userProperty().set(current.user());
    show(new SignInView(model).root());
    if (pendingSignInMessage != null) {
      model.errorProperty().set(pendingSignInMessage);
      pendingSignInMessage = null;
    }
    if (autoSignInPending) {
      autoSignInPending = false;
      resumePending = false;
      signInFromFile(model, Objects.requireNonNull(options.passwordFile()));
    } else if (resumePending) {
      resumePending = false;
      resume(model);
    }
  }

  /// At start: signs in with the kept refresh token when there is one for the remembered server and user.
  private void resume(SignInViewModel model) {
    String server = model.serverProperty().get();
    String user = model.userProperty().get();
    if (server.isBlank() || user.isBlank() || !staySignedIn.enabled()) {
      return;
    }
    model.busyProperty().set(true);
    staySignedIn.resume(server, user, session -> {
      model.busyProperty().set(false);
      showSignedIn(session);
    }, () -> model.busyProperty().set(false), failure -> {
      model.busyProperty().set(false);
      model.errorProperty().set(Messages.describe(failure));
    });
  }

  /// Reads the password file off the FX thread and signs in with it; on success [#showMeetings] joins the start
  /// link. A missing or empty file leaves the sign-in screen for the user.
  private void signInFromFile(SignInViewModel model, Path file) {
    background.run(() -> firstLine(file), password -> {
      if (password.isEmpty()) {
        LOG.warn("Password file {} is empty; waiting for the user to sign in", file);
        return;
      }
      model.passwordProperty().set(password);
      model.signIn();
    }, failure -> LOG.warn("Cannot read password file {}: {}", file, failure.toString()));
  }

  private static String firstLine(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
  }

  /// After a sign-in: remembers server and user in the user's settings (unless the preset locks them), then the
  /// meetings screen.
  private void signedIn(SignedIn session) {
    if (staySignedIn.enabled()) {
      staySignedIn.keep(session);
    }
    showSignedIn(session);
  }

  /// Signed in (with the password or a kept sign-in): settings, meetings, update check, reminders.
  private void showSignedIn(SignedIn session) {
    background.run(() -> {
      Map<String, String> remember = new java.util.HashMap<>();
      LayeredSettings current = LayeredSettings.load(where, Map.of());
      if (!current.isLocked("server")) {
        remember.put("server", session.serverUrl().toString());
      }
      if (session.user() != null && !current.isLocked("user")) {
        remember.put("user", session.user().username());
      }
      LayeredSettings.saveUser(where, remember);
      return where.userFile();
    }, file -> LOG.debug("Saved sign-in settings to {}", file),
        failure -> LOG.warn("Cannot save settings to {}: {}", where.userFile(), failure.toString()));
    showMeetings(session);
    checkForUpdate(session);
    startReminders(session);
  }

  // ---- reminders and tray ----

  /// The reminder lead in minutes, 0–60: the setting `reminder-minutes` ([AppSettings]: the preset IT rolls out,
  /// the user's file or `-Dconvene.reminder-minutes`), else 5. The setting `reminders=false` turns them off.
  private java.time.Duration reminderLead() {
    return ReminderRules.lead(AppSettings.load(where).get("reminder-minutes").orElse(null));
  }

  private void startReminders(SignedIn session) {
    stopReminders();
    if (!AppSettings.flag(AppSettings.load(where), "reminders", true)) {
      LOG.info("Meeting reminders are off (convene.reminders=false)");
      return;
    }
    ConveneApiClient api = new ConveneApiClient(http, session.serverUrl());
    String account = session.serverUrl() + " " + (session.user() == null ? "" : session.user().id());
    ReminderRules rules = reminderRules.computeIfAbsent(account, key -> new ReminderRules(reminderLead()));
    MeetingReminders started = new MeetingReminders(() -> api.upcomingMeetings(session), background,
        java.time.InstantSource.system(), rules, this::isInCall,
        meeting -> openLink("convene://join/" + meeting.joinCode()), stage);
    reminders = started;
    started.start();
  }

  /// Whether the running call is `meeting`'s (joined by id or by join code).
  private boolean isInCall(MeetingView meeting) {
    String current = callMeeting;
    return call != null && current != null
        && (current.equals(String.valueOf(meeting.id())) || current.equals(meeting.joinCode()));
  }

  private void stopReminders() {
    if (reminders != null) {
      reminders.stop();
      reminders = null;
    }
  }

  /// Adds the tray icon off the FX thread (AWT) and keeps its menu current.
  private void startTray() {
    Thread.ofPlatform().daemon().name("convene-tray").start(() -> ConveneTray.install(Messages.get("app.title"),
        item -> onTrayChoice(item)).ifPresent(installed -> {
          tray = installed;
          Platform.runLater(this::refreshTray);
        }));
    trayRefresh.setCycleCount(javafx.animation.Animation.INDEFINITE);
    trayRefresh.play();
  }

  /// The tray menu for the current state (also what a test drives where the desktop has no tray).
  public List<TrayMenu.Item> trayMenu() {
    List<MeetingView> upcoming = reminders == null ? List.of() : List.copyOf(reminders.upcoming());
    CallViewModel model = callModel;
    return TrayMenu.build(upcoming, call != null, model != null && model.micMutedProperty().get(),
        java.time.ZoneId.systemDefault());
  }

  private void refreshTray() {
    ConveneTray current = tray;
    if (current != null) {
      current.update(trayMenu());
    }
  }

  /// Carries out a tray menu choice. FX thread.
  public void onTrayChoice(TrayMenu.Item item) {
    CallViewModel model = callModel;
    switch (item.action()) {
      case OPEN -> toFront();
      case JOIN -> openLink("convene://join/" + item.meeting().joinCode());
      case TOGGLE_MUTE -> {
        if (model != null && call != null) {
          model.setMicMuted(!model.micMutedProperty().get());
        }
      }
      case LEAVE -> {
        if (model != null && call != null) {
          model.leave();
        }
      }
      case QUIT -> Platform.exit();
    }
    refreshTray();
  }

  /// Asks the server for a newer desktop release off the FX thread; the banner above every screen shows one.
  private void checkForUpdate(SignedIn session) {
    ConveneApiClient api = new ConveneApiClient(http, session.serverUrl());
    InstallerChoice choice = InstallerChoice.current();
    UpdateService service = new UpdateService() {
      @Override
      public Optional<ClientRelease> latest() {
        return api.latestRelease(choice.os(), choice.arch());
      }

      @Override
      public void download(ClientDownload installer, Path target, BiConsumer<Long, Long> progress) {
        api.download(session, installer.url(), target, progress);
      }
    };
    UpdateViewModel model = new UpdateViewModel(service, background, AppVersion.current(), choice,
        downloadFolder(), Platform::runLater,
        file -> getHostServices().showDocument(file.toUri().toString()));
    frame.setTop(new UpdateBanner(model).root());
    model.check();
  }

  private void showMeetings(SignedIn session) {
    signedIn = session;
    callView = null;
    ApiServices service = new ApiServices(new ConveneApiClient(http, session.serverUrl()), session);
    MeetingsViewModel model = new MeetingsViewModel(service, background, this::joinMeeting,
        session.user() == null ? null : session.user().id(), displayName(session),
        java.time.InstantSource.system(), Dates.system());
    String link = pendingJoinLink;
    pendingJoinLink = null;
    if (link != null) {
      model.joinCodeProperty().set(link);
    }
    show(new MeetingsView(model, this::signOut, () -> showRecordings(session), () -> showDevices(session),
        meeting -> showSchedule(session, meeting), () -> showSchedule(session, null)).root());
    model.refresh();
    if (pendingMeetingsMessage != null) {
      model.errorProperty().set(pendingMeetingsMessage);
      pendingMeetingsMessage = null;
    }
    if (link != null) {
      model.joinByCode();
    }
  }

  /// The schedule form for a new meeting (`editing` null) or one I host; back to the meetings when saved.
  private void showSchedule(SignedIn session, @Nullable MeetingView editing) {
    ApiServices service = new ApiServices(new ConveneApiClient(http, session.serverUrl()), session);
    ScheduleViewModel model = new ScheduleViewModel(service, background, editing, java.time.Instant.now(),
        java.time.ZoneId.systemDefault(), java.util.Locale.getDefault(), saved -> {
          showMeetings(session);
          if (reminders != null) {
            reminders.poll();
          }
        });
    show(new ScheduleView(model, () -> showMeetings(session)).root());
  }

  private static String displayName(SignedIn session) {
    return session.user() != null && session.user().displayName() != null ? session.user().displayName()
        : session.user() != null ? session.user().username() : "Guest";
  }

  /// Where downloads go: the setting `downloads`, else the desktop's downloads folder ([DownloadFolder]).
  private Path downloadFolder() {
    return DownloadFolder.resolve(AppSettings.load(where).get("downloads").orElse(null),
        Path.of(System.getProperty("user.home")), System.getenv());
  }

  /// The recordings of my meetings, with downloads into [#downloadFolder()].
  private void showRecordings(SignedIn session) {
    RecordingsService service = new ApiServices(new ConveneApiClient(http, session.serverUrl()), session);
    RecordingsViewModel model = new RecordingsViewModel(service, background,
        downloadFolder(), task -> {
          PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(RecordingsViewModel.POLL_MILLIS));
          pause.setOnFinished(event -> task.run());
          pause.play();
        });
    show(new RecordingsView(model, () -> showMeetings(session),
        file -> getHostServices().showDocument(file.toUri().toString())).root());
    model.refresh();
  }

  /// The device settings: camera, microphone and speaker with preview and level, remembered in the user's file.
  private void showDevices(SignedIn session) {
    DevicesViewModel model = new DevicesViewModel(
        new EngineDevicesService(() -> mediaEngine().join(), where, options.toneHz()), background,
        options.video() == CallConfig.VideoChoice.PATTERN, options.toneHz());
    show(new DevicesView(model, () -> showMeetings(session)).root());
    model.load();
  }

  /// The engine, the remembered devices and whether a microphone is present, read together off the FX thread
  /// before a call.
  private record Joining(MediaEngine engine, DeviceChoice devices, boolean microphonePresent) {}

  /// A meeting was chosen (row, code, link or reminder): the pre-join screen first, unless the `prejoin` setting
  /// (or `-Dconvene.prejoin`) is `false`, then straight into the call as before.
  private void joinMeeting(JoinTarget target) {
    SignedIn session = Objects.requireNonNull(signedIn);
    if (preJoinScreen()) {
      showPreJoin(session, target);
    } else {
      enterCall(session, new PreJoinChoice(target, displayName(session), false, false));
    }
  }

  private boolean preJoinScreen() {
    return AppSettings.flag(AppSettings.load(where), "prejoin", true);
  }

  /// Preview, level meter, switches and name before the call; Cancel goes back to the meetings.
  private void showPreJoin(SignedIn session, JoinTarget target) {
    DevicesViewModel devices = new DevicesViewModel(
        new EngineDevicesService(() -> mediaEngine().join(), where, options.toneHz()), background,
        options.video() == CallConfig.VideoChoice.PATTERN, options.toneHz());
    PreJoinViewModel model = new PreJoinViewModel(devices, target, displayName(session),
        true, choice -> enterCall(session, choice),
        () -> showMeetings(session));
    show(new PreJoinView(model).root());
    model.load();
  }

  private void enterCall(SignedIn session, PreJoinChoice choice) {
    background.run(() -> {
      MediaEngine started = mediaEngine().join();
      started.setNoiseSuppression(EngineDevicesService.savedNoiseSuppression(where));
      DeviceChoice devices = EngineDevicesService.savedChoice(where);
      return new Joining(started, devices, microphonePresent(started, devices));
    }, joining -> startCall(session, choice, joining.engine(), joining.devices(), joining.microphonePresent()),
        failure -> {
      LOG.error("Media engine failed to start", failure);
      pendingMeetingsMessage = Messages.get("error.generic");
      showMeetings(session);
    });
  }

  /// Whether the call has a microphone to send: the test tone counts; a real one must be listed. Blocking.
  private boolean microphonePresent(MediaEngine mediaEngine, DeviceChoice devices) {
    CallConfig.AudioChoice audio = devices.microphoneId() != null && VirtualDevices.isVirtual(devices.microphoneId())
        ? CallConfig.AudioChoice.TONE : options.audioChoice();
    return switch (audio) {
      case TONE -> true;
      case NONE -> false;
      case MICROPHONE -> mediaEngine.realAudioDevices()
          && !com.convene.desktop.media.DeviceCatalog.current().microphones().isEmpty();
    };
  }

  private void startCall(SignedIn session, PreJoinChoice choice, MediaEngine mediaEngine, DeviceChoice devices,
      boolean microphonePresent) {
    JoinTarget target = choice.target();
    String displayName = choice.displayName();
    CallViewModel model = new CallViewModel(target.title(), mediaEngine.realAudioDevices(), microphonePresent,
        outcome -> {
      stopDeviceWatch();
      call = null;
      callModel = null;
      callMeeting = null;
      if (reminders != null) {
        reminders.poll();
      }
      // leaving by choice is no error; the meetings screen has only an error line, so it says nothing then
      pendingMeetingsMessage = outcome.problem() ? outcome.message() : null;
      showMeetings(session);
    });
    model.setAdmin(session.user() != null && "admin".equals(session.user().role()));
    CallConfig config = withDevices(new CallConfig(target.meeting(), displayName, CallConfig.CLIENT_NAME,
        options.audioChoice(), VirtualDevices.toneHz(options.toneHz()), options.video(), null, null,
        choice.micMuted() || !microphonePresent, choice.cameraOff()), devices);
    // the server asks for the meeting password with a typed error; the prompt starts the call again with it
    java.util.concurrent.atomic.AtomicReference<CallConfig> joinWith = new java.util.concurrent.atomic.AtomicReference<>(
        config);
    model.onPasswordSubmitted(password -> {
      joinWith.set(config.withPassword(password));
      startSession(session, joinWith.get(), mediaEngine, model);
    });
    // a call lost in a way a new connection can fix (media failed, resume refused) joins again in this window
    model.onRejoinNeeded(() -> startSession(session, joinWith.get(), mediaEngine, model));
    CallView view = new CallView(model);
    callView = view;
    callModel = model;
    callMeeting = target.meeting();
    show(view.root());
    startSession(session, config, mediaEngine, model);
    if (reminders != null) {
      reminders.callStarted();
    }
  }

  /// The call on the devices chosen in the device settings: the test pattern or tone when chosen there, a real
  /// camera or microphone otherwise; nothing chosen keeps the start options.
  private static CallConfig withDevices(CallConfig config, DeviceChoice chosen) {
    String cameraId = chosen.cameraId();
    String microphoneId = chosen.microphoneId();
    CallConfig.VideoChoice video = cameraId == null ? config.video()
        : VirtualDevices.isVirtual(cameraId) ? CallConfig.VideoChoice.PATTERN : CallConfig.VideoChoice.CAMERA;
    CallConfig.AudioChoice audio = microphoneId == null ? config.audio()
        : VirtualDevices.isVirtual(microphoneId) ? CallConfig.AudioChoice.TONE : CallConfig.AudioChoice.MICROPHONE;
    DeviceChoice real = new DeviceChoice(cameraId == null || VirtualDevices.isVirtual(cameraId) ? null : cameraId,
        microphoneId == null || VirtualDevices.isVirtual(microphoneId) ? null : microphoneId, chosen.speakerId());
    return new CallConfig(config.meeting(), config.displayName(), config.clientName(), audio, config.toneHz(), video,
        config.videoFile(), config.screen(), config.audioMuted(), config.videoMuted(), config.password(), real);
  }

  private void startSession(SignedIn session, CallConfig config, MediaEngine mediaEngine, CallViewModel model) {
    call = FxCallAdapter.start(config, mediaEngine,
        WebSocketSignalingChannel.connector(http, session.serverUrl(), session::accessToken), model);
    model.attach(call);
    stopDeviceWatch();
    if (config.video() == CallConfig.VideoChoice.CAMERA) {
      deviceWatch = CallDeviceWatch.start(call.session(), config.devices().cameraId(),
          message -> Platform.runLater(() -> model.noticeProperty().set(message)));
    }
  }

  private void stopDeviceWatch() {
    CallDeviceWatch watch = deviceWatch;
    deviceWatch = null;
    if (watch != null) {
      watch.close();
    }
  }

  /// The media engine, created once off the FX thread (device probing blocks).
  private synchronized CompletableFuture<MediaEngine> mediaEngine() {
    if (engine == null) {
      engine = CompletableFuture.supplyAsync(() -> MediaEngine.create(options.audioMode()));
    }
    return engine;
  }

  private void show(Parent content) {
    frame.setCenter(content);
  }
}
