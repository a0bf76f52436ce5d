package com.convene.model.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/// Encodes and decodes [Signal] messages as JSON text frames. Thread-safe.
///
/// Unknown properties are ignored so that newer peers can add fields; unknown `type`s are rejected.
/// Frames longer than [#MAX_FRAME_CHARS] are rejected before parsing.
public final class SignalCodec {
  /// Largest accepted frame, in characters (SDP with many m-lines fits well below).
  public static final int MAX_FRAME_CHARS = 256 * 1024;

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /// Serialises a message with its `type` discriminator.
  public String encode(Signal signal) {
    try {
      return mapper.writeValueAsString(signal);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("signal not serialisable: " + signal.getClass().getSimpleName(), e);
    }
  }

  /// Parses one frame.
  /// @throws SignalDecodeException when the frame is too long, not JSON, has a missing or unknown `type`,
  ///     or breaks a record invariant
  public Signal decode(String frame) throws SignalDecodeException {
    if (frame == null || frame.isBlank()) {
      throw new SignalDecodeException("empty frame", null);
    }
    if (frame.length() > MAX_FRAME_CHARS) {
      throw new SignalDecodeException("frame longer than " + MAX_FRAME_CHARS + " characters", null);
    }
    try {
      Signal signal = mapper.readValue(frame, Signal.class);
      if (signal == null) {
        throw new SignalDecodeException("frame is JSON null", null);
      }
      return signal;
    } catch (InvalidTypeIdException e) {
      throw new SignalDecodeException("missing or unknown message type", e);
    } catch (JsonProcessingException e) {
      throw new SignalDecodeException("not a valid signaling message", e);
    }
  }
}
