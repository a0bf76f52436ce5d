/// JavaFX user interface: one sub-package per screen (view, view model), shared controls and theme.
///
/// View models expose JavaFX properties and never touch controls; they run blocking work through
/// [com.convene.desktop.ui.Background], which uses `javafx.concurrent.Task` in the app. All view and view-model
/// methods are FX-thread only unless stated otherwise. UI text comes from the `messages` resource bundle.
@NullMarked
package com.convene.desktop.ui;

import org.jspecify.annotations.NullMarked;
