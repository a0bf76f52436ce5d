/// The recordings screen: recordings of my meetings with their processing progress, and downloads with a progress
/// bar (issue 6). View, view model and the service it calls off the FX thread.
@NullMarked
package com.convene.desktop.ui.recordings;

import org.jspecify.annotations.NullMarked;
