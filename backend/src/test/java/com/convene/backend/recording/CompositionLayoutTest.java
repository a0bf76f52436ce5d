package com.convene.backend.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Where [CompositionLayout] puts tiles in a 1280x720 frame, and how [ActiveSpeaker] picks the speaker.
class CompositionLayoutTest {
    private static List<CompositionLayout.Source> cameras(int n) {
        List<CompositionLayout.Source> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sources.add(new CompositionLayout.Source("p" + i + "/camera", "p" + i, false, i * 1_000L));
        }
        return sources;
    }

    private static CompositionLayout.Tile tile(String key, int x, int y, int w, int h, boolean large) {
        return new CompositionLayout.Tile(key, x, y, w, h, large);
    }

    @Test
    void oneCameraFillsTheFrame() {
        assertThat(CompositionLayout.GRID.arrange(cameras(1), null, 1280, 720))
                .containsExactly(tile("p0/camera", 0, 0, 1280, 720, false));
    }

    @Test
    void gridTilesAreAsLargeAsPossibleAndTheLastRowIsCentred() {
        assertThat(CompositionLayout.GRID.arrange(cameras(2), null, 1280, 720)).containsExactly(
                tile("p0/camera", 0, 180, 640, 360, false), tile("p1/camera", 640, 180, 640, 360, false));
        assertThat(CompositionLayout.GRID.arrange(cameras(3), null, 1280, 720)).containsExactly(
                tile("p0/camera", 0, 0, 640, 360, false), tile("p1/camera", 640, 0, 640, 360, false),
                tile("p2/camera", 320, 360, 640, 360, false));
        List<CompositionLayout.Tile> five = CompositionLayout.GRID.arrange(cameras(5), null, 1280, 720);
        assertThat(five).extracting(CompositionLayout.Tile::width).containsOnly(426);
        assertThat(five).extracting(CompositionLayout.Tile::y).containsExactly(122, 122, 122, 360, 360);
        assertThat(five.get(3).x()).isEqualTo(214); // two tiles centred under three
    }

    @Test
    void aScreenShareIsLargeWithCamerasInTheStrip() {
        List<CompositionLayout.Source> visible = new ArrayList<>(cameras(2));
        visible.add(new CompositionLayout.Source("p1/screen", "p1", true, 5_000));
        assertThat(CompositionLayout.GRID.arrange(visible, "p0", 1280, 720)).containsExactly(
                tile("p1/screen", 0, 0, 960, 720, true),
                tile("p0/camera", 960, 180, 320, 180, false), tile("p1/camera", 960, 360, 320, 180, false));
    }

    @Test
    void theNewestOfTwoSharesIsLarge() {
        List<CompositionLayout.Source> visible = List.of(
                new CompositionLayout.Source("p0/screen", "p0", true, 1_000),
                new CompositionLayout.Source("p1/screen", "p1", true, 2_000));
        assertThat(CompositionLayout.GRID.arrange(visible, null, 1280, 720).getFirst().sourceKey())
                .isEqualTo("p1/screen");
    }

    @Test
    void speakerLayoutShowsTheSpeakerLargeAndKeepsThemWhenTheStripOverflows() {
        List<CompositionLayout.Tile> tiles = CompositionLayout.SPEAKER.arrange(cameras(7), "p6", 1280, 720);
        assertThat(tiles.getFirst()).isEqualTo(tile("p6/camera", 0, 0, 960, 720, true));
        assertThat(tiles).hasSize(5); // four 320x180 thumbnails fit in 720 px
        List<CompositionLayout.Tile> quiet = CompositionLayout.SPEAKER.arrange(cameras(3), null, 1280, 720);
        assertThat(quiet.getFirst().sourceKey()).isEqualTo("p0/camera");
        List<CompositionLayout.Source> many = new ArrayList<>(cameras(6));
        many.add(new CompositionLayout.Source("p0/screen", "p0", true, 9_000));
        assertThat(CompositionLayout.GRID.arrange(many, "p5", 1280, 720))
                .extracting(CompositionLayout.Tile::sourceKey).contains("p5/camera").hasSize(5);
    }

    @Test
    void parsesConfigurationValues() {
        assertThat(CompositionLayout.parse("Speaker")).isEqualTo(CompositionLayout.SPEAKER);
        assertThatThrownBy(() -> CompositionLayout.parse("mosaic")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSpeakerIsTheLoudestAndDoesNotFlickerOnCrosstalk() {
        ActiveSpeaker speaker = new ActiveSpeaker(1000.0 / 15);
        assertThat(speaker.update(Map.of("a", 0.0, "b", 0.0))).isNull();
        String now = null;
        for (int i = 0; i < 30; i++) {
            now = speaker.update(Map.of("a", 4e6, "b", 1e5));
        }
        assertThat(now).isEqualTo("a");
        for (int i = 0; i < 30; i++) {
            now = speaker.update(Map.of("a", 4e6, "b", 5e6)); // b a little louder: not enough to switch
        }
        assertThat(now).isEqualTo("a");
        for (int i = 0; i < 30; i++) {
            now = speaker.update(Map.of("a", 0.0, "b", 5e6));
        }
        assertThat(now).isEqualTo("b");
        for (int i = 0; i < 60; i++) {
            now = speaker.update(Map.of());
        }
        assertThat(now).isNull();
    }
}
