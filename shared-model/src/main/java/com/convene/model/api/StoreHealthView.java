package com.convene.model.api;

/// The state of one backing store as the backend sees it.
///
/// @param status `UP`, `DOWN`, or `DISABLED` (the store is switched off by configuration)
/// @param detail short, operator-facing text: what was checked or why it failed (no credentials, no addresses)
public record StoreHealthView(String status, String detail) {

    /// Status of a store that answered its check.
    public static final String UP = "UP";
    /// Status of a store that did not answer its check in time or failed it.
    public static final String DOWN = "DOWN";
    /// Status of a store switched off by configuration.
    public static final String DISABLED = "DISABLED";
}
