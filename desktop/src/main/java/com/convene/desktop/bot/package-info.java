/// Command-line bot: signs in, joins a meeting with a synthetic camera (test pattern, Y4M file or screen)
/// and a tone, and prints what it receives from everyone else. Used for load and end-to-end tests.
@NullMarked
package com.convene.desktop.bot;

import org.jspecify.annotations.NullMarked;
