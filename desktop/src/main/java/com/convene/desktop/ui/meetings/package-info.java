/// Home screen after sign-in: upcoming meetings and joining by code or link.
@NullMarked
package com.convene.desktop.ui.meetings;

import org.jspecify.annotations.NullMarked;
