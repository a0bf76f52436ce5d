package com.convene.sfu.sdp;

/// One `a=name[:value]` line (RFC 8866 §5.13).
///
/// @param name  attribute name
/// @param value attribute value, `""` for a property attribute
public record SdpAttribute(String name, String value) {
}
