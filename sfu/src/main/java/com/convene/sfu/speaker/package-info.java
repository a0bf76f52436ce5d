/// Dominant-speaker detection from the audio levels publishers send (RFC 6464), per room, on the socket loop
/// (docs/media-quality.md "Dominant speaker").
@NullMarked
package com.convene.sfu.speaker;

import org.jspecify.annotations.NullMarked;
