package com.convene.desktop.ui.signin;

import com.convene.desktop.ui.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/// The sign-in form, bound to a [SignInViewModel]. FX thread only.
///
/// Control ids for tests: `#serverField`, `#userField`, `#passwordField`, `#signInButton`, `#signInError`.
public final class SignInView {
  private final StackPane root;

  public SignInView(SignInViewModel model) {
    Label heading = new Label(Messages.get("signin.heading"));
    heading.getStyleClass().add("heading");

    TextField server = new TextField();
    server.setId("serverField");
    server.setPromptText(Messages.get("signin.server.prompt"));
    server.textProperty().bindBidirectional(model.serverProperty());

    TextField user = new TextField();
    user.setId("userField");
    user.textProperty().bindBidirectional(model.userProperty());

    PasswordField password = new PasswordField();
    password.setId("passwordField");
    password.textProperty().bindBidirectional(model.passwordProperty());

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(8);
    form.addRow(0, fieldLabel("signin.server", server), server);
    form.addRow(1, fieldLabel("signin.user", user), user);
    form.addRow(2, fieldLabel("signin.password", password), password);
    GridPane.setHgrow(server, Priority.ALWAYS);

    Button signIn = new Button(Messages.get("signin.submit"));
    signIn.setId("signInButton");
    signIn.setDefaultButton(true);
    signIn.getStyleClass().add(Styles.ACCENT);
    signIn.setAccessibleText(Messages.get("signin.submit"));
    signIn.disableProperty().bind(model.canSignInProperty().not());
    signIn.setOnAction(event -> model.signIn());

    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(20, 20);
    progress.setAccessibleText(Messages.get("signin.busy"));
    progress.visibleProperty().bind(model.busyProperty());

    Label error = new Label();
    error.setId("signInError");
    error.getStyleClass().add("error");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());

    HBox actions = new HBox(8, signIn, progress);
    actions.setAlignment(Pos.CENTER_LEFT);
    VBox card = new VBox(16, heading, form, actions, error);
    card.getStyleClass().addAll("card", "sign-in");
    card.setMaxWidth(480);
    card.setMaxHeight(Region.USE_PREF_SIZE);
    root = new StackPane(card);
    root.setPadding(new Insets(32));
    root.getStyleClass().add("form");
  }

  /// A field's label, tied to it so screen readers name the field.
  private static Label fieldLabel(String key, Control field) {
    Label label = new Label(Messages.get(key));
    label.setLabelFor(field);
    field.setAccessibleText(Messages.get(key));
    return label;
  }

  public Parent root() {
    return root;
  }
}
