/// Reusable controls: the video tile that renders remote frames.
@NullMarked
package com.convene.desktop.ui.controls;

import org.jspecify.annotations.NullMarked;
