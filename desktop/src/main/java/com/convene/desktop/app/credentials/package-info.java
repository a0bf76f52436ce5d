/// Where the app keeps the refresh token that lets a person stay signed in (RFC 6749 §6): the OS keychain
/// (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows) through java-keyring, else a file
/// encrypted with AES-256-GCM (NIST SP 800-38D). See docs/decisions/097-stay-signed-in.md.
@NullMarked
package com.convene.desktop.app.credentials;

import org.jspecify.annotations.NullMarked;
