package com.convene.desktop.media;

/// How [MediaEngine] chooses its audio device module.
public enum AudioMode {
  /// Use the platform's audio devices when they are usable, else fall back to [#HEADLESS].
  AUTO,
  /// No audio devices: a virtual clock drives playout and capture (bots, tests, machines without sound).
  HEADLESS
}
