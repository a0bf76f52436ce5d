/// The call screen: the grid of video tiles and the microphone, camera, screen-share and leave controls.
@NullMarked
package com.convene.desktop.ui.call;

import org.jspecify.annotations.NullMarked;
