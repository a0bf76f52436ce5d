package com.convene.desktop.ui.call;

import com.convene.desktop.media.ScreenInfo;
import javafx.scene.image.Image;
import org.jspecify.annotations.Nullable;

/// One thing the share picker offers: a screen with a small picture of what it shows now.
/// @param screen    the screen to share
/// @param thumbnail its current picture scaled to about 240 px wide, or `null` when it could not be taken
public record ShareChoice(ScreenInfo screen, @Nullable Image thumbnail) {}
