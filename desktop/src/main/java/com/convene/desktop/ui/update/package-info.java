/// The update check: after sign-in the app asks its server for the newest desktop release of this OS and
/// architecture, shows a banner when it is newer than the running version, and downloads the installer with a
/// progress bar, then offers to open it. View, view model and the service it calls off the FX thread.
@NullMarked
package com.convene.desktop.ui.update;

import org.jspecify.annotations.NullMarked;
