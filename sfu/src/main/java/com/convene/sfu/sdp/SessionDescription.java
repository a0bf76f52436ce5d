package com.convene.sfu.sdp;

import com.convene.sfu.SdpException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// A parsed SDP body (RFC 8866): session-level attributes and media sections. Only the lines the SFU needs are
/// kept; `v=`, `o=`, `s=`, `t=`, `c=` and `b=` are checked for shape and otherwise ignored.
///
/// @param attributes session-level `a=` lines
/// @param media      the `m=` sections in order
public record SessionDescription(List<SdpAttribute> attributes, List<MediaDescription> media) {
    private static final int MAX_LENGTH = 256 * 1024;

    /// Copies the lists.
    public SessionDescription {
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /// Parses SDP text with CRLF or LF line ends.
    ///
    /// @throws SdpException with [SdpException.Reason#MALFORMED] when it is not SDP
    public static SessionDescription parse(String sdp) {
        if (sdp.length() > MAX_LENGTH) {
            throw new SdpException(SdpException.Reason.MALFORMED, "SDP larger than 256 KiB");
        }
        List<SdpAttribute> session = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        String mediaName = null;
        int port = 0;
        String protocol = "";
        List<String> formats = List.of();
        List<SdpAttribute> mediaAttributes = new ArrayList<>();
        boolean sawVersion = false;
        int lineNumber = 0;
        for (String rawLine : sdp.split("\r?\n")) {
            lineNumber++;
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new SdpException(SdpException.Reason.MALFORMED, "line " + lineNumber + " is not type=value");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (!sawVersion) {
                if (type != 'v' || !value.equals("0")) {
                    throw new SdpException(SdpException.Reason.MALFORMED, "SDP must start with v=0");
                }
                sawVersion = true;
                continue;
            }
            switch (type) {
                case 'm' -> {
                    if (mediaName != null) {
                        media.add(new MediaDescription(mediaName, port, protocol, formats, mediaAttributes));
                    }
                    String[] parts = value.split(" ");
                    if (parts.length < 3) {
                        throw new SdpException(SdpException.Reason.MALFORMED, "bad m= line " + lineNumber);
                    }
                    mediaName = parts[0];
                    try {
                        port = Integer.parseInt(parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/'))
                                : parts[1]);
                    } catch (NumberFormatException e) {
                        throw new SdpException(SdpException.Reason.MALFORMED, "bad port on line " + lineNumber);
                    }
                    if (port < 0 || port > 65_535) {
                        throw new SdpException(SdpException.Reason.MALFORMED, "bad port on line " + lineNumber);
                    }
                    protocol = parts[2];
                    formats = Arrays.asList(parts).subList(3, parts.length);
                    mediaAttributes = new ArrayList<>();
                }
                case 'a' -> {
                    int colon = value.indexOf(':');
                    SdpAttribute attribute = colon < 0 ? new SdpAttribute(value, "")
                            : new SdpAttribute(value.substring(0, colon), value.substring(colon + 1));
                    (mediaName == null ? session : mediaAttributes).add(attribute);
                }
                case 'o', 's', 't', 'c', 'b', 'i', 'u', 'e', 'p', 'r', 'z', 'k' -> { }
                default -> throw new SdpException(SdpException.Reason.MALFORMED,
                        "unknown line type '" + type + "' on line " + lineNumber);
            }
        }
        if (!sawVersion) {
            throw new SdpException(SdpException.Reason.MALFORMED, "empty SDP");
        }
        if (mediaName != null) {
            media.add(new MediaDescription(mediaName, port, protocol, formats, mediaAttributes));
        }
        return new SessionDescription(session, media);
    }

    /// A session-level attribute's first value, or null.
    public @Nullable String attribute(String name) {
        for (SdpAttribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                return attribute.value();
            }
        }
        return null;
    }

    /// An attribute looked up in the media section first, then at session level (RFC 8839 §5.4 allows both).
    public @Nullable String attribute(MediaDescription section, String name) {
        String value = section.attribute(name);
        return value != null ? value : attribute(name);
    }

    /// The mids of the first `a=group:BUNDLE` line, empty when none (RFC 8843 §7.1).
    public List<String> bundleMids() {
        for (SdpAttribute attribute : attributes) {
            if (attribute.name().equals("group") && attribute.value().startsWith("BUNDLE")) {
                String[] parts = attribute.value().split(" ");
                return Arrays.asList(parts).subList(1, parts.length);
            }
        }
        return List.of();
    }
}
