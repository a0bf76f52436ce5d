/// Congestion control: transport-wide sequence numbers and their feedback
/// (draft-holmer-rmcat-transport-wide-cc-extensions-01, docs/media-quality.md). Confined to the socket event loop.
@NullMarked
package com.convene.sfu.cc;

import org.jspecify.annotations.NullMarked;
