package com.convene.backend.ratelimit;

/// What a bucket limits; each action has its own buckets, keyed `rate:{key}:{scope}` in Redis.
public enum RateLimitedAction {
    /// `chat-send` frames of one user in one meeting.
    CHAT("chat"),
    /// `send-reaction` frames of one user in one meeting.
    REACTION("reaction"),
    /// `raise-hand` changes of one user in one meeting.
    HAND("hand"),
    /// Joins of one user into one meeting's waiting room (knocks).
    KNOCK("knock"),
    /// Wrong meeting passwords of one user for one meeting (REST and signaling together).
    PASSWORD_PER_USER("pwd-user"),
    /// Wrong meeting passwords of everyone for one meeting (REST and signaling together).
    PASSWORD_PER_MEETING("pwd-meeting");

    private final String key;

    RateLimitedAction(String key) {
        this.key = key;
    }

    /// The Redis key of this action's bucket for `scope` (e.g. `meetingId:userId`).
    String redisKey(String scope) {
        return "rate:" + key + ":" + scope;
    }
}
