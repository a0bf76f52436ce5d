package com.convene.desktop.ui.call;

import com.convene.desktop.ui.Messages;
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

/// The chat panel, shown while [ChatModel#openProperty()] is true. FX thread only.
///
/// Ids: `#chatPanel`, `#chatList`, `#chatInput`, `#chatSendButton`.
final class ChatPanel {
  private final VBox root;

  ChatPanel(CallViewModel model) {
    ChatModel chat = model.chat();
    Label heading = new Label(Messages.get("call.chat"));
    heading.getStyleClass().add("subheading");
    ListView<String> lines = new ListView<>(chat.lines());
    lines.setId("chatList");
    lines.setAccessibleText(Messages.get("call.chat"));
    lines.setPlaceholder(new Label(Messages.get("call.chat.empty")));
    lines.setCellFactory(view -> new ListCell<>() {
      @Override
      protected void updateItem(String line, boolean empty) {
        super.updateItem(line, empty);
        setText(empty ? null : line);
        setWrapText(true);
        setPrefWidth(0); // wrap to the list's width instead of widening it
      }
    });
    chat.lines().addListener((ListChangeListener<String>) change ->
        lines.scrollTo(Math.max(0, chat.lines().size() - 1)));
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
}
