package com.convene.model.api;

/// Body of seed 002's `POST /meetings/join`.
///
/// @param meeting  join code (`abc-defg-hij`, any case, dashes optional) or meeting id
/// @param password meeting password, when the meeting requires one
public record MeetingJoinRequest(String meeting, String password) {

    /// Hides the password from logs and debuggers.
    @Override
    public String toString() {
        return "MeetingJoinRequest[meeting=" + meeting + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
