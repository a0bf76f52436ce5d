/// The pre-join screen between choosing a meeting and its call: camera preview, microphone level, camera and
/// microphone switches and the display name, as Zoom's and Meet's "ready to join?" screens.
@NullMarked
package com.convene.desktop.ui.prejoin;

import org.jspecify.annotations.NullMarked;
