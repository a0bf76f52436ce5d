package com.convene.desktop.ui.call;

/// One reaction to float over a tile for a few seconds.
/// @param emoji    the reaction, one of [Reactions#EMOJI]
/// @param sequence increasing number, so the same emoji twice is two changes
public record Reaction(String emoji, long sequence) {}
