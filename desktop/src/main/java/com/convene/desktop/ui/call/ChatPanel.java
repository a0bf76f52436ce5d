package com.convene.desktop.ui.call;

import com.convene.desktop.ui.Dates;
import com.convene.desktop.ui.Messages;
import java.time.Instant;
import javafx.scene.Node;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/// The chat panel, shown while [ChatModel#openProperty()] is true. Each message shows its sender ("You" for
/// ours, style class `chat-own`), its time in the locale's short form (e.g. `10:35` or `10:35 AM`, this
/// computer's time zone) and its text. FX thread only.
///
/// Ids: `#chatPanel`, `#chatList` (rows with `#chatSender`, `#chatTime`, `#chatText`), `#chatInput`,
/// `#chatSendButton`.
final class ChatPanel {
  private final VBox root;

  ChatPanel(CallViewModel model) {
    ChatModel chat = model.chat();
    Label heading = new Label(Messages.get("call.chat"));
    heading.getStyleClass().add("subheading");
    ListView<ChatLine> lines = new ListView<>(chat.messages());
    lines.setId("chatList");
    lines.setAccessibleText(Messages.get("call.chat"));
    lines.setPlaceholder(new Label(Messages.get("call.chat.empty")));
    lines.setCellFactory(view -> new ListCell<>() {
      @Override
      protected void updateItem(ChatLine line, boolean empty) {
        super.updateItem(line, empty);
        setText(null);
        getStyleClass().remove("chat-own");
        if (empty || line == null) {
          setGraphic(null);
          return;
        }
        if (line.own()) {
          getStyleClass().add("chat-own");
        }
        setGraphic(message(line));
        setPrefWidth(0); // wrap to the list's width instead of widening it
      }
    });
    chat.messages().addListener((ListChangeListener<ChatLine>) change ->
        lines.scrollTo(Math.max(0, chat.messages().size() - 1)));
    TextField input = new TextField();
    input.setId("chatInput");
    input.setPromptText(Messages.get("call.chatPrompt"));
    input.setAccessibleText(Messages.get("call.chatPrompt"));
    input.textProperty().bindBidirectional(chat.draftProperty());
    input.setOnAction(event -> model.sendChat());
    input.disableProperty().bind(model.joinedProperty().not());
    Button send = new Button(null, new FontIcon(Material2MZ.SEND));
    send.setId("chatSendButton");
    send.setAccessibleText(Messages.get("call.chatSend"));
    send.setTooltip(new javafx.scene.control.Tooltip(Messages.get("call.chatSend")));
    send.disableProperty().bind(model.joinedProperty().not());
    send.setOnAction(event -> model.sendChat());
    HBox.setHgrow(input, Priority.ALWAYS);
    root = new VBox(8, heading, lines, new HBox(6, input, send));
    VBox.setVgrow(lines, Priority.ALWAYS);
    root.setId("chatPanel");
    root.getStyleClass().add("side-panel");
    root.setPadding(new Insets(12));
    root.setPrefWidth(300);
    root.setMinWidth(220);
    root.visibleProperty().bind(chat.openProperty());
    root.managedProperty().bind(root.visibleProperty());
  }

  VBox root() {
    return root;
  }

  /// The time as this locale writes it, short form, in this computer's time zone.
  static String time(Instant sentAt) {
    return Dates.system().time(sentAt);
  }

  private static Node message(ChatLine line) {
    Label sender = new Label(line.own() ? Messages.get("call.chat.you") : line.senderName());
    sender.setId("chatSender");
    sender.getStyleClass().add("chat-sender");
    Label time = new Label(time(line.sentAt()));
    time.setId("chatTime");
    time.getStyleClass().add("muted-text");
    Label text = new Label(line.text());
    text.setId("chatText");
    text.setWrapText(true);
    VBox box = new VBox(2, new HBox(6, sender, time), text);
    box.setAccessibleText(Messages.get("call.chat.line", sender.getText(), time.getText(), line.text()));
    return box;
  }
}
