/// One running app per user: the first launch owns a lock file and a Unix domain socket in the user's runtime
/// directory; a later launch (a clicked `convene://join/<code>` link) hands its link over that socket and exits.
/// docs/decisions/071-deep-links-and-one-instance.md.
@NullMarked
package com.convene.desktop.app.instance;

import org.jspecify.annotations.NullMarked;
