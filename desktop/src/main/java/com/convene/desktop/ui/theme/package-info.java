/// The app's look: the AtlantaFX base theme in light or dark (following the desktop's setting unless the user
/// chose one) with Convene's own stylesheet `convene.css` on top.
@NullMarked
package com.convene.desktop.ui.theme;

import org.jspecify.annotations.NullMarked;
