package com.convene.desktop.app;

import javafx.application.Application;

/// Plain `main` for class-path launches (`java -cp … com.convene.desktop.app.Main`, `mvn exec:java`): JavaFX
/// refuses to start an `Application` subclass directly as the main class when it is not on the module path.
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Application.launch(ConveneApp.class, args);
  }
}
