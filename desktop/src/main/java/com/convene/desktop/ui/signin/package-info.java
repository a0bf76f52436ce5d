/// Sign-in screen: server address, user name and password.
@NullMarked
package com.convene.desktop.ui.signin;

import org.jspecify.annotations.NullMarked;
