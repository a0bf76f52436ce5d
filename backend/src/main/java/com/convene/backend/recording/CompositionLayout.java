package com.convene.backend.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// How the composed MP4 arranges the video sources visible at one instant (decision 056).
///
/// - A screen share, when one is visible, always takes the large tile: the left three quarters of the frame,
///   with every other source as a 16:9 thumbnail in the right-hand strip (the newest share wins when two overlap).
/// - [#GRID] otherwise: equal 16:9 tiles in the grid that makes them largest, centred, the last row centred.
/// - [#SPEAKER] otherwise: the active speaker's camera large and the others in the strip, as in Zoom's and
///   Meet's speaker view; with one camera it fills the frame.
///
/// All rectangles are in output pixels with even origins and sizes.
public enum CompositionLayout {
    /// Equal tiles for everyone; the active speaker gets a highlight border.
    GRID,
    /// The active speaker large, everyone else as thumbnails.
    SPEAKER;

    /// One visible video source.
    ///
    /// @param sourceKey     `<participant>/<source>`
    /// @param participantId the publisher
    /// @param screen        whether it is a screen share (else a camera)
    /// @param firstMillis   when the source first appeared on the recording timeline, ms; orders the tiles
    record Source(String sourceKey, String participantId, boolean screen, long firstMillis) {}

    /// Where one source goes.
    ///
    /// @param sourceKey the source shown
    /// @param x         left edge in output pixels
    /// @param y         top edge in output pixels
    /// @param width     width in output pixels; the picture is fitted inside keeping its aspect ratio
    /// @param height    height in output pixels
    /// @param large     whether this is the large tile of a share or speaker layout
    record Tile(String sourceKey, int x, int y, int width, int height, boolean large) {}

    /// Parses a configuration value, `grid` or `speaker` (any case).
    ///
    /// @throws IllegalArgumentException for any other value
    static CompositionLayout parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /// Arranges `visible` (in tile order) in a `width` x `height` frame.
    ///
    /// @param speakerId the participant currently speaking, or null when nobody is
    /// @return one tile per source shown; sources that do not fit in the strip are left out, the speaker last
    List<Tile> arrange(List<Source> visible, @Nullable String speakerId, int width, int height) {
        if (visible.isEmpty()) {
            return List.of();
        }
        Source focus = null;
        for (Source s : visible) {
            if (s.screen() && (focus == null || s.firstMillis() >= focus.firstMillis())) {
                focus = s;
            }
        }
        if (focus == null && this == SPEAKER && visible.size() > 1) {
            focus = visible.stream().filter(s -> s.participantId().equals(speakerId)).findFirst()
                    .orElse(visible.getFirst());
        }
        if (focus == null) {
            return grid(visible, width, height);
        }
        if (visible.size() == 1) {
            return List.of(new Tile(focus.sourceKey(), 0, 0, even(width), even(height), true));
        }
        return focusWithStrip(focus, visible, speakerId, width, height);
    }

    private static List<Tile> focusWithStrip(Source focus, List<Source> visible, @Nullable String speakerId,
            int width, int height) {
        int stripWidth = even(width / 4);
        int thumbHeight = even(stripWidth * 9 / 16);
        int fit = Math.max(1, height / thumbHeight);
        List<Source> others = new ArrayList<>(visible);
        others.remove(focus);
        if (others.size() > fit) {
            Source speaker = others.stream().filter(s -> s.participantId().equals(speakerId)).findFirst()
                    .orElse(null);
            List<Source> shown = new ArrayList<>(others.subList(0, fit));
            if (speaker != null && !shown.contains(speaker)) {
                shown.set(fit - 1, speaker);
            }
            others = shown;
        }
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile(focus.sourceKey(), 0, 0, even(width - stripWidth), even(height), true));
        int top = even((height - others.size() * thumbHeight) / 2);
        for (int i = 0; i < others.size(); i++) {
            tiles.add(new Tile(others.get(i).sourceKey(), even(width - stripWidth), top + i * thumbHeight,
                    stripWidth, thumbHeight, false));
        }
        return tiles;
    }

    private static List<Tile> grid(List<Source> visible, int width, int height) {
        int n = visible.size();
        int bestColumns = 1;
        int bestTileWidth = 0;
        for (int columns = 1; columns <= n; columns++) {
            int rows = (n + columns - 1) / columns;
            int tileWidth = Math.min(width / columns, height / rows * 16 / 9);
            if (tileWidth >= bestTileWidth) { // on a tie, more columns: frames are wider than tall
                bestTileWidth = tileWidth;
                bestColumns = columns;
            }
        }
        int tileWidth = even(bestTileWidth);
        int tileHeight = even(bestTileWidth * 9 / 16);
        int rows = (n + bestColumns - 1) / bestColumns;
        int top = even((height - rows * tileHeight) / 2);
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int row = i / bestColumns;
            int inRow = Math.min(bestColumns, n - row * bestColumns);
            int left = even((width - inRow * tileWidth) / 2);
            tiles.add(new Tile(visible.get(i).sourceKey(), left + (i % bestColumns) * tileWidth,
                    top + row * tileHeight, tileWidth, tileHeight, false));
        }
        return tiles;
    }

    private static int even(int value) {
        return value & ~1;
    }
}
