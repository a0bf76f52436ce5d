/// Server-side recording: the SFU's tap feeds a [com.convene.backend.recording.RoomRecorder] per recording,
/// which depacketizes each published track (VP8 per RFC 7741, Opus per RFC 7587) and writes it without
/// re-encoding into its own WebM file through FFmpeg's muxer (JavaCPP presets), stamped from RTP timestamps and
/// RTCP sender reports (RFC 3550 §6.4.1) on one timeline. Metadata lives in seed 000's `recordings` table, files in
/// [com.convene.backend.storage].
///
/// Threads: the tap's consumer runs on the recording executor (one platform thread per running recording); the
/// SFU socket loop only copies packets into a bounded pool.
@NullMarked
package com.convene.backend.recording;

import org.jspecify.annotations.NullMarked;
