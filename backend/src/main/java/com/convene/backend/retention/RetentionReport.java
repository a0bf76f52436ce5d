package com.convene.backend.retention;

import java.time.Instant;
import java.util.Map;

/// What one retention run deleted.
///
/// @param meetingCutoff       meetings with `status = 'ended'` created before this were deleted (now − 7 years)
/// @param chatCutoff          chat messages created before this were deleted (now − 1 year)
/// @param meetings            `meetings` rows deleted
/// @param participants        `meeting_participants` rows of those meetings deleted
/// @param recordings          `recordings` rows of those meetings deleted in the seed's transaction: those whose
///                            files could not be removed first (kept in a provider or bucket this server does not
///                            use), or created since
/// @param chatMessages        `chat_messages` rows deleted (old ones, and any of the deleted meetings)
/// @param repliesUnlinked     surviving chat messages whose `reply_to_message_id` pointed at a deleted one and was
///                            set to `NULL`
/// @param otherDependents     rows deleted from other tables referencing the deleted meetings, by table
/// @param expiredRecordings   recordings removed with their stored files: `expires_at` passed, or of a deleted
///                            meeting
/// @param recordingsKept      expired recordings that could not be removed (logged), retried at the next run
public record RetentionReport(Instant meetingCutoff, Instant chatCutoff, int meetings, int participants,
                              int recordings, int chatMessages, int repliesUnlinked,
                              Map<String, Integer> otherDependents, int expiredRecordings, int recordingsKept) {

    /// This report with the counts of the recording step.
    RetentionReport withRecordingFiles(int removed, int kept) {
        return new RetentionReport(meetingCutoff, chatCutoff, meetings, participants, recordings, chatMessages,
                repliesUnlinked, otherDependents, removed, kept);
    }
}
