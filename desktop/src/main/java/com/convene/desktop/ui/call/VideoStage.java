package com.convene.desktop.ui.call;

import com.convene.desktop.call.VideoFeed;
import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.controls.VideoTile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/// The video area: every tile in a grid sized to fill the window, or the speaker view — the
/// [CallViewModel#featuredProperty()] tile large with the others in a strip below. FX thread only.
///
/// Ids: `#videoGrid` (grid mode's tiles), `#featuredTile` (speaker view's large tile), `#videoStrip`.
final class VideoStage {
  private static final double GAP = 8;
  private static final double STRIP_TILE_WIDTH = 192;

  private final CallViewModel model;
  private final FlowPane grid = new FlowPane(GAP, GAP);
  private final ScrollPane gridScroll = new ScrollPane(grid);
  private final StackPane featuredPane = new StackPane();
  private final HBox strip = new HBox(GAP);
  private final ScrollPane stripScroll = new ScrollPane(strip);
  private final BorderPane speakerPane = new BorderPane();
  private final StackPane root = new StackPane();
  private final Map<TileModel, VideoTile> tiles = new LinkedHashMap<>();
  private final Map<TileModel, ChangeListener<VideoFeed>> feedListeners = new LinkedHashMap<>();

  VideoStage(CallViewModel model) {
    this.model = model;
    grid.setId("videoGrid");
    grid.setPadding(new Insets(GAP));
    grid.setAlignment(Pos.CENTER);
    gridScroll.setFitToWidth(true);
    gridScroll.setFitToHeight(true);
    gridScroll.setAccessibleText(Messages.get("call.grid"));
    featuredPane.setId("featuredTile");
    featuredPane.setPadding(new Insets(GAP));
    strip.setId("videoStrip");
    strip.setPadding(new Insets(0, GAP, GAP, GAP));
    strip.setAlignment(Pos.CENTER);
    strip.getStyleClass().add("video-strip");
    stripScroll.setFitToHeight(true);
    stripScroll.setFitToWidth(true);
    stripScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    stripScroll.setAccessibleText(Messages.get("call.strip"));
    speakerPane.setCenter(featuredPane);
    speakerPane.setBottom(stripScroll);
    root.getStyleClass().add("video-area");
    gridScroll.getStyleClass().add("video-area");
    stripScroll.getStyleClass().add("video-area");
    root.getChildren().setAll(gridScroll, speakerPane);

    model.tiles().forEach(this::addTile);
    model.tiles().addListener((ListChangeListener<TileModel>) change -> {
      while (change.next()) {
        change.getRemoved().forEach(this::removeTile);
        change.getAddedSubList().forEach(this::addTile);
      }
      arrange();
    });
    model.speakerViewProperty().addListener((obs, was, on) -> arrange());
    model.featuredProperty().addListener((obs, was, now) -> arrange());
    gridScroll.viewportBoundsProperty().addListener((obs, was, now) -> sizeGrid());
    arrange();
  }

  Region root() {
    return root;
  }

  /// Every tile, in the model's order, wherever it is shown.
  List<VideoTile> tiles() {
    List<VideoTile> result = new ArrayList<>();
    model.tiles().forEach(t -> {
      VideoTile tile = tiles.get(t);
      if (tile != null) {
        result.add(tile);
      }
    });
    return result;
  }

  private boolean speakerLayout() {
    return model.speakerViewProperty().get() && model.featuredProperty().get() != null;
  }

  /// Puts every tile where the current layout wants it.
  private void arrange() {
    boolean speaker = speakerLayout();
    gridScroll.setVisible(!speaker);
    speakerPane.setVisible(speaker);
    List<Node> gridTiles = new ArrayList<>();
    List<Node> stripTiles = new ArrayList<>();
    Node large = null;
    for (TileModel t : model.tiles()) {
      VideoTile tile = tiles.get(t);
      if (tile == null) {
        continue;
      }
      if (!speaker) {
        gridTiles.add(tile);
      } else if (t == model.featuredProperty().get()) {
        large = tile;
      } else {
        stripTiles.add(tile);
      }
    }
    // detach first: a tile can only have one parent
    grid.getChildren().clear();
    strip.getChildren().clear();
    featuredPane.getChildren().clear();
    grid.getChildren().setAll(gridTiles);
    strip.getChildren().setAll(stripTiles);
    if (large != null) {
      VideoTile big = (VideoTile) large;
      big.setPrefSize(1280, 720);
      big.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
      featuredPane.getChildren().add(big);
    }
    for (Node node : stripTiles) {
      size((VideoTile) node, STRIP_TILE_WIDTH);
    }
    stripScroll.setVisible(!stripTiles.isEmpty());
    stripScroll.setManaged(!stripTiles.isEmpty());
    stripScroll.setPrefHeight(STRIP_TILE_WIDTH * 9 / 16 + GAP * 2);
    sizeGrid();
  }

  private void sizeGrid() {
    var bounds = gridScroll.getViewportBounds();
    double width = GridFit.tileWidth(grid.getChildren().size(), bounds.getWidth() - GAP * 2,
        bounds.getHeight() - GAP * 2, GAP);
    for (Node node : grid.getChildren()) {
      size((VideoTile) node, width);
    }
  }

  private static void size(VideoTile tile, double width) {
    tile.setPrefSize(width, width * 9 / 16);
    tile.setMaxSize(width, width * 9 / 16);
  }

  private void addTile(TileModel tileModel) {
    VideoTile tile = TileOverlay.create(tileModel);
    ChangeListener<VideoFeed> listener = (obs, old, feed) -> {
      if (old != null) {
        old.setRenderer(null);
      }
      if (feed != null) {
        feed.setRenderer(tile::render);
      } else {
        tile.clearVideo();
      }
    };
    tileModel.feedProperty().addListener(listener);
    listener.changed(tileModel.feedProperty(), null, tileModel.feedProperty().get());
    feedListeners.put(tileModel, listener);
    tiles.put(tileModel, tile);
  }

  private void removeTile(TileModel tileModel) {
    VideoTile tile = tiles.remove(tileModel);
    ChangeListener<VideoFeed> listener = feedListeners.remove(tileModel);
    if (listener != null) {
      tileModel.feedProperty().removeListener(listener);
    }
    VideoFeed feed = tileModel.feedProperty().get();
    if (feed != null) {
      feed.setRenderer(null);
    }
    if (tile != null && tile.getParent() instanceof javafx.scene.layout.Pane parent) {
      parent.getChildren().remove(tile);
    }
  }
}
