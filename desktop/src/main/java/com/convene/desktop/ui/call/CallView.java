package com.convene.desktop.ui.call;

import com.convene.desktop.call.VideoFeed;
import com.convene.desktop.media.ScreenCaptureSource;
import com.convene.desktop.media.ScreenInfo;
import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.model.signal.WaitingParticipant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/// The call window's content: header, grid of [VideoTile]s and the control bar, bound to a [CallViewModel].
/// FX thread only.
///
/// Control ids for tests: `#videoGrid` (children are [VideoTile]s), `#micToggle`, `#cameraToggle`,
/// `#shareButton`, `#leaveButton`, `#callStatus`, `#callError`, `#audioWarning`, `#callNotice`; the password
/// prompt `#passwordPane` with `#meetingPassword` and `#passwordJoin`; `#waitingForHost`; for hosts the queue
/// `#waitingRoom` (a `ListView` whose rows hold `#admitButton` and `#denyButton`), `#muteAllButton`,
/// `#lockButton`, `#recordButton`, `#endButton`, and on each tile a `#hostBadge` and a `#hostMenu` (`MenuButton`) with mute,
/// stop video, remove and make host; the chat panel's
/// `#chatList`, `#chatInput`, `#chatSendButton`.
public final class CallView {
  private final BorderPane root = new BorderPane();
  private final FlowPane grid = new FlowPane(8, 8);
  private final Map<TileModel, VideoTile> tileViews = new HashMap<>();
  private final Map<TileModel, ChangeListener<VideoFeed>> feedListeners = new HashMap<>();
  private final CallViewModel model;

  public CallView(CallViewModel model) {
    this.model = model;
    Label title = new Label();
    title.getStyleClass().add("heading");
    title.textProperty().bind(model.titleProperty());
    Label status = new Label();
    status.setId("callStatus");
    status.textProperty().bind(model.statusProperty());
    Label warning = new Label();
    warning.setId("audioWarning");
    warning.getStyleClass().add("warning");
    warning.setWrapText(true);
    warning.textProperty().bind(model.audioWarningProperty());
    warning.managedProperty().bind(warning.textProperty().isNotEmpty());
    Label error = new Label();
    error.setId("callError");
    error.getStyleClass().add("error");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    Label notice = new Label();
    notice.setId("callNotice");
    notice.setWrapText(true);
    notice.textProperty().bind(model.noticeProperty());
    notice.managedProperty().bind(notice.textProperty().isNotEmpty());
    Label recording = new Label(Messages.get("call.recording"));
    recording.setId("recordingIndicator");
    recording.getStyleClass().add("recording");
    recording.visibleProperty().bind(model.recordingProperty());
    recording.managedProperty().bind(model.recordingProperty());
    Label reconnecting = new Label(Messages.get("call.reconnecting"));
    reconnecting.setId("reconnectingBanner");
    reconnecting.getStyleClass().add("reconnecting");
    reconnecting.visibleProperty().bind(model.reconnectingProperty());
    reconnecting.managedProperty().bind(model.reconnectingProperty());
    HBox titleRow = new HBox(12, title, recording, reconnecting);
    titleRow.setAlignment(Pos.CENTER_LEFT);
    VBox header = new VBox(4, titleRow, status, warning, error, notice);
    header.setPadding(new Insets(12));

    grid.setId("videoGrid");
    grid.setPadding(new Insets(8));
    grid.setAlignment(Pos.CENTER);
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    model.tiles().forEach(this::addTile);
    model.tiles().addListener((ListChangeListener<TileModel>) change -> {
      while (change.next()) {
        change.getRemoved().forEach(this::removeTile);
        change.getAddedSubList().forEach(this::addTile);
      }
    });

    ToggleButton mic = new ToggleButton(Messages.get("call.mic"));
    mic.setId("micToggle");
    mic.setSelected(!model.micMutedProperty().get());
    mic.selectedProperty().addListener((obs, was, on) -> {
      if (model.micMutedProperty().get() == on) {
        model.setMicMuted(!on);
      }
    });
    ToggleButton camera = new ToggleButton(Messages.get("call.camera"));
    camera.setId("cameraToggle");
    camera.setSelected(!model.cameraOffProperty().get());
    camera.selectedProperty().addListener((obs, was, on) -> {
      if (model.cameraOffProperty().get() == on) {
        model.setCameraOff(!on);
      }
    });
    Button share = new Button();
    share.setId("shareButton");
    share.textProperty().bind(model.sharingProperty()
        .map(on -> Messages.get(on ? "call.stopShare" : "call.share")));
    share.disableProperty().bind(model.joinedProperty().not());
    share.setOnAction(event -> toggleShare());
    Button leave = new Button(Messages.get("call.leave"));
    leave.setId("leaveButton");
    leave.getStyleClass().add("danger");
    leave.setOnAction(event -> model.leave());
    // the server may mute us (host control, mute on entry): the toggles follow without echoing it back
    model.micMutedProperty().addListener((obs, was, muted) -> mic.setSelected(!muted));
    model.cameraOffProperty().addListener((obs, was, off) -> camera.setSelected(!off));
    Button muteAll = hostButton("muteAllButton", Messages.get("call.host.muteAll"));
    muteAll.setOnAction(event -> model.muteAll());
    Button lock = hostButton("lockButton", "");
    lock.textProperty().bind(model.lockedProperty()
        .map(on -> Messages.get(on ? "call.host.unlock" : "call.host.lock")));
    lock.setOnAction(event -> model.toggleLock());
    Button end = hostButton("endButton", Messages.get("call.host.end"));
    end.getStyleClass().add("danger");
    end.setOnAction(event -> model.endForAll());
    Button record = hostButton("recordButton", "");
    record.textProperty().bind(model.recordingProperty()
        .map(on -> Messages.get(on ? "call.host.stopRecording" : "call.host.record")));
    record.setOnAction(event -> model.toggleRecording());
    HBox controls = new HBox(8, mic, camera, share, leave, muteAll, lock, record, end);
    controls.setAlignment(Pos.CENTER);
    controls.setPadding(new Insets(12));

    ListView<String> chatList = new ListView<>(model.chatLines());
    chatList.setId("chatList");
    chatList.setPrefWidth(260);
    model.chatLines().addListener((ListChangeListener<String>) change ->
        chatList.scrollTo(Math.max(0, model.chatLines().size() - 1)));
    TextField chatInput = new TextField();
    chatInput.setId("chatInput");
    chatInput.setPromptText(Messages.get("call.chatPrompt"));
    chatInput.textProperty().bindBidirectional(model.chatDraftProperty());
    chatInput.setOnAction(event -> model.sendChat());
    chatInput.disableProperty().bind(model.joinedProperty().not());
    Button send = new Button(Messages.get("call.chatSend"));
    send.setId("chatSendButton");
    send.disableProperty().bind(model.joinedProperty().not());
    send.setOnAction(event -> model.sendChat());
    HBox.setHgrow(chatInput, Priority.ALWAYS);
    VBox chatPane = new VBox(6, new Label(Messages.get("call.chat")), chatList, new HBox(6, chatInput, send));
    VBox.setVgrow(chatList, Priority.ALWAYS);
    chatPane.setPadding(new Insets(8));

    root.setTop(header);
    root.setCenter(new StackPane(scroll, passwordPane(), waitingForHost()));
    VBox side = new VBox(8, waitingRoomPane(), chatPane);
    VBox.setVgrow(chatPane, Priority.ALWAYS);
    root.setRight(side);
    root.setBottom(controls);
  }

  /// A control-bar button only hosts and admins see.
  private Button hostButton(String id, String text) {
    Button button = new Button(text);
    button.setId(id);
    button.visibleProperty().bind(model.moderatorProperty().and(model.joinedProperty()));
    button.managedProperty().bind(button.visibleProperty());
    return button;
  }

  private Region passwordPane() {
    Label message = new Label();
    message.textProperty().bind(model.passwordMessageProperty());
    PasswordField password = new PasswordField();
    password.setId("meetingPassword");
    password.setPromptText(Messages.get("call.password.prompt"));
    password.setMaxWidth(280);
    Button join = new Button(Messages.get("call.password.join"));
    join.setId("passwordJoin");
    join.setDefaultButton(true);
    join.disableProperty().bind(password.textProperty().isEmpty());
    Runnable submit = () -> {
      String entered = password.getText();
      password.clear();
      model.submitPassword(entered);
    };
    join.setOnAction(event -> submit.run());
    password.setOnAction(event -> submit.run());
    VBox pane = new VBox(8, message, password, join);
    pane.setId("passwordPane");
    pane.setAlignment(Pos.CENTER);
    pane.getStyleClass().add("overlay");
    pane.visibleProperty().bind(model.passwordNeededProperty());
    pane.managedProperty().bind(pane.visibleProperty());
    return pane;
  }

  private Region waitingForHost() {
    Label label = new Label(Messages.get("call.waitingForHost"));
    label.setId("waitingForHost");
    label.getStyleClass().add("heading");
    VBox pane = new VBox(label);
    pane.setAlignment(Pos.CENTER);
    pane.getStyleClass().add("overlay");
    pane.visibleProperty().bind(model.waitingForHostProperty());
    pane.managedProperty().bind(pane.visibleProperty());
    return pane;
  }

  private Region waitingRoomPane() {
    Label heading = new Label(Messages.get("call.waitingRoom"));
    heading.getStyleClass().add("heading");
    ListView<WaitingParticipant> list = new ListView<>(model.waitingRoom());
    list.setId("waitingRoom");
    list.setPrefWidth(260);
    list.setCellFactory(view -> new ListCell<>() {
      @Override
      protected void updateItem(WaitingParticipant item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
          setGraphic(null);
          setText(null);
          return;
        }
        Label name = new Label(item.displayName());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button admit = new Button(Messages.get("call.admit"));
        admit.setId("admitButton");
        admit.setOnAction(event -> model.admit(item));
        Button deny = new Button(Messages.get("call.deny"));
        deny.setId("denyButton");
        deny.setOnAction(event -> model.deny(item));
        HBox row = new HBox(6, name, spacer, admit, deny);
        row.setAlignment(Pos.CENTER_LEFT);
        setText(null);
        setGraphic(row);
      }
    });
    VBox pane = new VBox(8, heading, list);
    pane.setPadding(new Insets(12));
    pane.visibleProperty().bind(model.moderatorProperty().and(javafx.beans.binding.Bindings.isNotEmpty(model.waitingRoom())));
    pane.managedProperty().bind(pane.visibleProperty());
    return pane;
  }

  /// The host menu on a remote participant's tile: mute, stop video (or the screen share on a screen tile),
  /// remove, make host. Shown to hosts and admins only.
  private MenuButton hostMenu(TileModel tileModel) {
    MenuItem mute = new MenuItem(Messages.get("call.host.mute"));
    mute.setOnAction(event -> model.mute(tileModel));
    MenuItem stopVideo = new MenuItem(Messages.get("call.host.stopVideo"));
    stopVideo.setOnAction(event -> model.stopVideo(tileModel));
    MenuItem remove = new MenuItem(Messages.get("call.host.remove"));
    remove.setOnAction(event -> model.remove(tileModel));
    MenuItem makeHost = new MenuItem(Messages.get("call.host.makeHost"));
    makeHost.setOnAction(event -> model.makeHost(tileModel));
    MenuButton menu = tileModel.screen()
        ? new MenuButton(Messages.get("call.hostMenu"), null, stopVideo)
        : new MenuButton(Messages.get("call.hostMenu"), null, mute, stopVideo, remove, makeHost);
    menu.setId("hostMenu");
    menu.visibleProperty().bind(model.moderatorProperty());
    StackPane.setAlignment(menu, Pos.TOP_RIGHT);
    return menu;
  }

  public Parent root() {
    return root;
  }

  /// The tiles currently in the grid, in display order.
  public List<VideoTile> tiles() {
    return grid.getChildren().stream().filter(VideoTile.class::isInstance).map(VideoTile.class::cast).toList();
  }

  private void toggleShare() {
    if (model.sharingProperty().get()) {
      model.stopShare();
      return;
    }
    List<ScreenInfo> screens = ScreenCaptureSource.screens();
    if (screens.isEmpty()) {
      model.errorProperty().set(Messages.get("call.noScreens"));
      return;
    }
    Optional<ScreenInfo> choice = Optional.of(screens.getFirst());
    if (screens.size() > 1) {
      ChoiceDialog<ScreenInfo> dialog = new ChoiceDialog<>(screens.getFirst(), screens);
      dialog.setHeaderText(Messages.get("call.pickScreen"));
      dialog.getDialogPane().lookupAll(".combo-box").forEach(node -> {
        if (node instanceof javafx.scene.control.ComboBox<?> box) {
          @SuppressWarnings("unchecked")
          javafx.scene.control.ComboBox<ScreenInfo> screensBox = (javafx.scene.control.ComboBox<ScreenInfo>) box;
          screensBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScreenInfo screen) {
              return screen == null ? "" : screen.name();
            }

            @Override
            public ScreenInfo fromString(String text) {
              return null;
            }
          });
        }
      });
      choice = dialog.showAndWait();
    }
    choice.ifPresent(model::startShare);
  }

  private void addTile(TileModel tileModel) {
    VideoTile tile = new VideoTile(tileModel.participantId());
    tile.nameProperty().bind(tileModel.displayNameProperty());
    Label hostBadge = new Label(Messages.get("call.hostBadge"));
    hostBadge.setId("hostBadge");
    hostBadge.getStyleClass().add("tile-name");
    hostBadge.visibleProperty().bind(tileModel.hostProperty());
    StackPane.setAlignment(hostBadge, Pos.BOTTOM_RIGHT);
    tile.getChildren().addAll(hostBadge, hostMenu(tileModel));
    ChangeListener<VideoFeed> listener = (obs, old, feed) -> {
      if (old != null) {
        old.setRenderer(null);
      }
      if (feed != null) {
        feed.setRenderer(tile::render);
      } else {
        tile.clearVideo();
      }
    };
    tileModel.feedProperty().addListener(listener);
    listener.changed(tileModel.feedProperty(), null, tileModel.feedProperty().get());
    feedListeners.put(tileModel, listener);
    tileViews.put(tileModel, tile);
    grid.getChildren().add(tile);
  }

  private void removeTile(TileModel tileModel) {
    VideoTile tile = tileViews.remove(tileModel);
    ChangeListener<VideoFeed> listener = feedListeners.remove(tileModel);
    if (listener != null) {
      tileModel.feedProperty().removeListener(listener);
    }
    VideoFeed feed = tileModel.feedProperty().get();
    if (feed != null) {
      feed.setRenderer(null);
    }
    if (tile != null) {
      grid.getChildren().remove(tile);
    }
  }
}
