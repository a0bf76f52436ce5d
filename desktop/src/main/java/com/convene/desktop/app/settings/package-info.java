/// Where the app's settings live and which wins: the IT department's system-wide preset, the user's own file,
/// then the command line; keys the preset lists under `locked` cannot be overridden.
/// docs/decisions/072-managed-settings.md.
@NullMarked
package com.convene.desktop.app.settings;

import org.jspecify.annotations.NullMarked;
