/// Startup and wiring of the desktop app: options, navigation between screens, and the shared services
/// (HTTP client, media engine) handed to the screens.
@NullMarked
package com.convene.desktop.app;

import org.jspecify.annotations.NullMarked;
