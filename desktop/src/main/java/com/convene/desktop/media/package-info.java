/// Local media for the desktop app and the bot: the webrtc-java `PeerConnectionFactory` and its audio device
/// module, capture devices, and synthetic sources (test pattern, tone, Y4M file, screen capture through AWT).
///
/// Frames are I420 (ITU-R BT.601 limited range) as libwebrtc expects; audio is 16-bit PCM in 10 ms chunks.
@NullMarked
package com.convene.desktop.media;

import org.jspecify.annotations.NullMarked;
