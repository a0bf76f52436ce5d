package com.convene.model.signal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/// One signaling message; its JSON wire name is the `type` property, mapped to each record's `TYPE` constant.
///
/// Dispatch with an exhaustive `switch` over this sealed interface (no `default`), so a new message breaks the
/// build rather than production.
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Hello.class, name = Hello.TYPE),
    @JsonSubTypes.Type(value = Welcome.class, name = Welcome.TYPE),
    @JsonSubTypes.Type(value = JoinRequest.class, name = JoinRequest.TYPE),
    @JsonSubTypes.Type(value = Joined.class, name = Joined.TYPE),
    @JsonSubTypes.Type(value = LeaveRequest.class, name = LeaveRequest.TYPE),
    @JsonSubTypes.Type(value = Left.class, name = Left.TYPE),
    @JsonSubTypes.Type(value = PublishOffer.class, name = PublishOffer.TYPE),
    @JsonSubTypes.Type(value = PublishAnswer.class, name = PublishAnswer.TYPE),
    @JsonSubTypes.Type(value = SubscribeOffer.class, name = SubscribeOffer.TYPE),
    @JsonSubTypes.Type(value = SubscribeAnswer.class, name = SubscribeAnswer.TYPE),
    @JsonSubTypes.Type(value = TrackPublished.class, name = TrackPublished.TYPE),
    @JsonSubTypes.Type(value = TrackUnpublished.class, name = TrackUnpublished.TYPE),
    @JsonSubTypes.Type(value = ParticipantJoined.class, name = ParticipantJoined.TYPE),
    @JsonSubTypes.Type(value = ParticipantLeft.class, name = ParticipantLeft.TYPE),
    @JsonSubTypes.Type(value = ParticipantUpdated.class, name = ParticipantUpdated.TYPE),
    @JsonSubTypes.Type(value = SetMediaState.class, name = SetMediaState.TYPE),
    @JsonSubTypes.Type(value = SignalError.class, name = SignalError.TYPE),
    @JsonSubTypes.Type(value = QualityReport.class, name = QualityReport.TYPE),
    @JsonSubTypes.Type(value = ChatSend.class, name = ChatSend.TYPE),
    @JsonSubTypes.Type(value = ChatMessage.class, name = ChatMessage.TYPE),
    @JsonSubTypes.Type(value = ChatHistory.class, name = ChatHistory.TYPE),
    @JsonSubTypes.Type(value = Heartbeat.class, name = Heartbeat.TYPE),
    @JsonSubTypes.Type(value = Waiting.class, name = Waiting.TYPE),
    @JsonSubTypes.Type(value = WaitingRoomUpdated.class, name = WaitingRoomUpdated.TYPE),
    @JsonSubTypes.Type(value = AdmitRequest.class, name = AdmitRequest.TYPE),
    @JsonSubTypes.Type(value = DenyRequest.class, name = DenyRequest.TYPE),
    @JsonSubTypes.Type(value = StopMediaRequest.class, name = StopMediaRequest.TYPE),
    @JsonSubTypes.Type(value = MuteAllRequest.class, name = MuteAllRequest.TYPE),
    @JsonSubTypes.Type(value = MediaStopped.class, name = MediaStopped.TYPE),
    @JsonSubTypes.Type(value = RemoveParticipantRequest.class, name = RemoveParticipantRequest.TYPE),
    @JsonSubTypes.Type(value = EndMeetingRequest.class, name = EndMeetingRequest.TYPE),
    @JsonSubTypes.Type(value = TransferHostRequest.class, name = TransferHostRequest.TYPE),
    @JsonSubTypes.Type(value = LockRoomRequest.class, name = LockRoomRequest.TYPE),
    @JsonSubTypes.Type(value = RoomUpdated.class, name = RoomUpdated.TYPE),
    @JsonSubTypes.Type(value = StartRecording.class, name = StartRecording.TYPE),
    @JsonSubTypes.Type(value = StopRecording.class, name = StopRecording.TYPE),
    @JsonSubTypes.Type(value = RecordingStarted.class, name = RecordingStarted.TYPE),
    @JsonSubTypes.Type(value = RecordingStopped.class, name = RecordingStopped.TYPE),
    @JsonSubTypes.Type(value = RaiseHand.class, name = RaiseHand.TYPE),
    @JsonSubTypes.Type(value = SendReaction.class, name = SendReaction.TYPE),
    @JsonSubTypes.Type(value = ReactionReceived.class, name = ReactionReceived.TYPE),
    @JsonSubTypes.Type(value = ResumeRequest.class, name = ResumeRequest.TYPE),
    @JsonSubTypes.Type(value = Resumed.class, name = Resumed.TYPE),
    @JsonSubTypes.Type(value = DominantSpeaker.class, name = DominantSpeaker.TYPE),
    @JsonSubTypes.Type(value = ReceiveSettings.class, name = ReceiveSettings.TYPE),
    @JsonSubTypes.Type(value = WaitingRoomChanged.class, name = WaitingRoomChanged.TYPE)
})
public sealed interface Signal
    permits Hello, Welcome, JoinRequest, Joined, LeaveRequest, Left, PublishOffer, PublishAnswer,
        SubscribeOffer, SubscribeAnswer, TrackPublished, TrackUnpublished, ParticipantJoined,
        ParticipantLeft, ParticipantUpdated, SetMediaState, SignalError, QualityReport, ChatSend, ChatMessage,
        ChatHistory, Heartbeat, Waiting, WaitingRoomUpdated,
        AdmitRequest, DenyRequest, StopMediaRequest, MuteAllRequest, MediaStopped, RemoveParticipantRequest,
        EndMeetingRequest, TransferHostRequest, LockRoomRequest, RoomUpdated,
        StartRecording, StopRecording, RecordingStarted, RecordingStopped,
        RaiseHand, SendReaction, ReactionReceived, ResumeRequest, Resumed, DominantSpeaker, ReceiveSettings,
        WaitingRoomChanged {}
