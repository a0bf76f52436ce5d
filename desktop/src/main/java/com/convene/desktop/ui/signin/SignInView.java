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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/// The sign-in form, bound to a [SignInViewModel]. FX thread only.
///
/// Control ids for tests: `#serverField`, `#userField`, `#passwordField`, `#signInButton`, `#signInError`.
public final class SignInView {
  private final VBox root;

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
    form.addRow(0, new Label(Messages.get("signin.server")), server);
    form.addRow(1, new Label(Messages.get("signin.user")), user);
    form.addRow(2, new Label(Messages.get("signin.password")), password);

    Button signIn = new Button(Messages.get("signin.submit"));
    signIn.setId("signInButton");
    signIn.setDefaultButton(true);
    signIn.disableProperty().bind(model.canSignInProperty().not());
    signIn.setOnAction(event -> model.signIn());

    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(20, 20);
    progress.visibleProperty().bind(model.busyProperty());

    Label error = new Label();
    error.setId("signInError");
    error.getStyleClass().add("error");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());

    HBox actions = new HBox(8, signIn, progress);
    actions.setAlignment(Pos.CENTER_LEFT);
    root = new VBox(16, heading, form, actions, error);
    root.setPadding(new Insets(32));
    root.setMaxWidth(480);
    root.getStyleClass().add("sign-in");
  }

  public Parent root() {
    return root;
  }
}
