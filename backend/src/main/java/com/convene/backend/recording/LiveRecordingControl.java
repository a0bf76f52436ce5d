package com.convene.backend.recording;

import com.convene.model.api.RecordingView;
import java.util.UUID;

/// Starts and stops the recording of a meeting's live room and tells everyone in it; implemented by the signaling
/// layer, which owns the live rooms, so REST can drive recording without the recording package knowing rooms.
///
/// Blocking: call from a blocking executor.
public interface LiveRecordingControl {

    /// Starts recording the meeting's live room; everyone in it gets `RecordingStarted`.
    ///
    /// @param meetingId the meeting
    /// @param byUserId  who starts it (authorisation is the caller's job)
    /// @throws RecordingException `meeting-not-live`, `recording-disabled` or `recording-already-running`
    RecordingView start(UUID meetingId, UUID byUserId);

    /// Stops the meeting's recording and waits until its files are stored; everyone gets `RecordingStopped`.
    ///
    /// @throws RecordingException `recording-not-running`
    RecordingView stop(UUID meetingId);
}
