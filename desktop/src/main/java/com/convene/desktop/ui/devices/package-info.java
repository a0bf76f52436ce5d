/// The device settings screen: choose camera, microphone and speaker from what webrtc-java lists (plus the app's
/// virtual test pattern and test tone), with a live preview of the chosen camera and a level meter of the chosen
/// microphone; the choice is remembered in the user's settings and used when joining. View, view model and the
/// service it calls off the FX thread.
@NullMarked
package com.convene.desktop.ui.devices;

import org.jspecify.annotations.NullMarked;
