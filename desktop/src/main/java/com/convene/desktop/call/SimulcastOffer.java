package com.convene.desktop.call;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/// Turns the camera's m-line of a publish offer into a three-layer simulcast offer the way libwebrtc still honours
/// without `rid` support in webrtc-java's encoding parameters: an `a=ssrc-group:SIM` of three SSRCs, each with its
/// own RTX stream in an `a=ssrc-group:FID` (RFC 5576 §4; decision 100 in
/// docs/decisions/). libwebrtc encodes the SIM group's SSRCs from the lowest resolution to the highest, each layer
/// half the size of the next: for a 1280x720 camera 320x180, 640x360 and 1280x720.
///
/// The SSRCs added for a track are remembered, so every later offer of the same sender carries the same layers
/// (libwebrtc's offers forget munged SSRCs). Not thread-safe: used on the call session's executor.
final class SimulcastOffer {
  /// Layers the camera is sent in.
  static final int LAYERS = 3;
  /// The setting (`-Dconvene.simulcast`, read like every `convene.*` setting) that turns simulcast on. Off by
  /// default until the SFU's layer choice follows bandwidth and the recording follows layer switches without
  /// freezes (decision 100, "Known limits").
  static final String SETTING = "convene.simulcast";

  private final Random random;
  /// Added SSRCs per primary SSRC: layer 2 and 3 media SSRCs, then their RTX SSRCs.
  private final Map<String, long[]> added = new HashMap<>();

  SimulcastOffer() {
    this(new SecureRandom());
  }

  /// Whether the camera is sent in simulcast layers ([#SETTING], default off).
  static boolean enabled() {
    return Boolean.getBoolean(SETTING);
  }

  SimulcastOffer(Random random) {
    this.random = random;
  }

  /// Rewrites the video m-lines that send one of `cameraTrackIds` (their `a=msid` track id, RFC 8830 §2); other
  /// m-lines (microphone, screen share) are unchanged.
  ///
  /// @param sdp            libwebrtc's offer
  /// @param cameraTrackIds the track ids of camera tracks
  /// @return the offer with each camera in [#LAYERS] simulcast layers, or `sdp` when there is nothing to change
  String apply(String sdp, List<String> cameraTrackIds) {
    if (cameraTrackIds.isEmpty()) {
      return sdp;
    }
    String newline = sdp.contains("\r\n") ? "\r\n" : "\n";
    String[] lines = sdp.split("\r?\n", -1);
    StringBuilder out = new StringBuilder(sdp.length() + 512);
    List<String> section = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("m=") && !section.isEmpty()) {
        flush(section, cameraTrackIds, out, newline);
        section.clear();
      }
      section.add(line);
    }
    flush(section, cameraTrackIds, out, newline);
    String result = out.toString();
    // split/join kept a trailing empty element: drop the newline added after it
    return result.endsWith(newline + newline) ? result.substring(0, result.length() - newline.length()) : result;
  }

  private void flush(List<String> section, List<String> cameraTrackIds, StringBuilder out, String newline) {
    List<String> lines = isCamera(section, cameraTrackIds) ? simulcast(section) : section;
    for (int i = 0; i < lines.size(); i++) {
      out.append(lines.get(i));
      if (i < lines.size() - 1 || !lines.get(i).isEmpty()) {
        out.append(newline);
      }
    }
  }

  private static boolean isCamera(List<String> section, List<String> cameraTrackIds) {
    if (section.isEmpty() || !section.getFirst().startsWith("m=video")) {
      return false;
    }
    for (String line : section) {
      if (line.startsWith("a=msid:")) {
        String[] parts = line.substring(7).trim().split(" ");
        if (parts.length == 2 && cameraTrackIds.contains(parts[1])) {
          return true;
        }
      }
    }
    return false;
  }

  private List<String> simulcast(List<String> section) {
    String primary = null;
    String primaryRtx = null;
    List<String> primaryAttributes = new ArrayList<>();
    for (String line : section) {
      if (line.startsWith("a=ssrc-group:SIM")) {
        return section; // already simulcast
      }
      if (line.startsWith("a=ssrc-group:FID ")) {
        String[] parts = line.substring(17).trim().split(" ");
        if (parts.length == 2 && primary == null) {
          primary = parts[0];
          primaryRtx = parts[1];
        }
      }
    }
    if (primary == null) {
      for (String line : section) {
        if (line.startsWith("a=ssrc:")) {
          primary = line.substring(7).split(" ", 2)[0];
          break;
        }
      }
    }
    if (primary == null) {
      return section; // no SSRC: nothing libwebrtc could simulcast
    }
    for (String line : section) {
      if (line.startsWith("a=ssrc:" + primary + " ")) {
        primaryAttributes.add(line.substring(("a=ssrc:" + primary + " ").length()));
      }
    }
    long[] extra = added.computeIfAbsent(primary, key -> newSsrcs());
    List<String> out = new ArrayList<>();
    boolean inserted = false;
    for (String line : section) {
      if (!inserted && (line.startsWith("a=ssrc-group:") || line.startsWith("a=ssrc:"))) {
        StringBuilder sim = new StringBuilder("a=ssrc-group:SIM ").append(primary);
        for (int layer = 0; layer < LAYERS - 1; layer++) {
          sim.append(' ').append(extra[layer]);
        }
        out.add(sim.toString());
        inserted = true;
      }
      out.add(line);
    }
    int end = out.size();
    while (end > 0 && out.get(end - 1).isEmpty()) {
      end--;
    }
    List<String> tail = new ArrayList<>(out.subList(end, out.size()));
    out = new ArrayList<>(out.subList(0, end));
    for (int layer = 0; layer < LAYERS - 1; layer++) {
      String media = Long.toString(extra[layer]);
      String rtx = Long.toString(extra[LAYERS - 1 + layer]);
      if (primaryRtx != null) {
        out.add("a=ssrc-group:FID " + media + " " + rtx);
      }
      for (String attribute : primaryAttributes) {
        out.add("a=ssrc:" + media + " " + attribute);
      }
      if (primaryRtx != null) {
        for (String attribute : primaryAttributes) {
          out.add("a=ssrc:" + rtx + " " + attribute);
        }
      }
    }
    out.addAll(tail);
    return out;
  }

  private long[] newSsrcs() {
    long[] ssrcs = new long[2 * (LAYERS - 1)];
    for (int i = 0; i < ssrcs.length; i++) {
      ssrcs[i] = 1 + (random.nextLong() & 0x7FFF_FFFEL);
    }
    return ssrcs;
  }
}
