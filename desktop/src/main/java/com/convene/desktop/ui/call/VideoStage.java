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
/// [CallViewModel#featuredProperty()] tile large with the others in a strip below. Our own tile
/// ([CallViewModel#selfView()]) comes last while shown; alone, it is the one tile of the grid. FX thread only.
///
/// The grid's tiles are sized so that they fit without scrolling (no scroll bar with 4 tiles); only below
/// [GridFit#MIN_WIDTH] the grid scrolls. Every tile's drawn size and whether it is shown go to
/// [TileModel#shownSizeProperty()] after each layout pass.
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

    // sized to fit, the grid needs no scroll bar; one that comes and goes would change the width the tiles are
    // sized for (a loop that could leave four tiles in one column). Only tiles at their smallest may scroll.
    gridScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    gridScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    model.tiles().forEach(this::addTile);
    addTile(model.selfView().tile());
    tiles.get(model.selfView().tile()).mirroredProperty().bind(model.selfView().mirroredProperty());
    model.selfView().shownProperty().addListener((obs, was, on) -> arrange());
    // after every layout pulse of the window that shows the stage (a loop over a few tiles)
    Runnable report = this::reportSizes;
    root.sceneProperty().addListener((obs, old, scene) -> {
      if (old != null) {
        old.removePostLayoutPulseListener(report);
      }
      if (scene != null) {
        scene.addPostLayoutPulseListener(report);
      }
    });
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

  /// Every remote tile (cameras and screen shares), in the model's order, wherever it is shown.
  List<VideoTile> tiles() {
    return tilesOf(model.tiles());
  }

  /// Every tile on the stage now, our own last while the self-view is on.
  List<VideoTile> shownTiles() {
    return tilesOf(displayed());
  }

  /// Our own tile (shown or not).
  VideoTile selfTile() {
    return tiles.get(model.selfView().tile());
  }

  private List<VideoTile> tilesOf(List<TileModel> models) {
    List<VideoTile> result = new ArrayList<>();
    models.forEach(t -> {
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
    for (TileModel t : displayed()) {
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

  /// The tiles to show: the remote ones, then ours while the self-view is on.
  private List<TileModel> displayed() {
    List<TileModel> shown = new ArrayList<>(model.tiles());
    if (model.selfView().shownProperty().get()) {
      shown.add(model.selfView().tile());
    }
    return shown;
  }

  /// Tells every tile how large it is drawn and whether it is part of the shown layout.
  private void reportSizes() {
    for (Map.Entry<TileModel, VideoTile> entry : tiles.entrySet()) {
      VideoTile tile = entry.getValue();
      boolean shown = tile.getParent() != null && tile.getScene() != null && tile.getScene().getWindow() != null
          && tile.getScene().getWindow().isShowing() && visibleUpTo(tile);
      TileSize size = shown ? new TileSize((int) Math.round(tile.getWidth()), (int) Math.round(tile.getHeight()), true)
          : TileSize.HIDDEN;
      if (!size.equals(entry.getKey().shownSizeProperty().get())) {
        entry.getKey().shownSizeProperty().set(size);
      }
    }
  }

  /// Whether `node` and its parents up to the stage's root are visible.
  private boolean visibleUpTo(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
      if (n == root) {
        return true;
      }
    }
    return false;
  }

  private void sizeGrid() {
    var bounds = gridScroll.getViewportBounds();
    // one px of slack per tile against rounding, so that a grid that fits never shows a scroll bar
    double width = GridFit.tileWidth(grid.getChildren().size(), bounds.getWidth() - GAP * 2 - 1,
        bounds.getHeight() - GAP * 2 - 1, GAP + 1);
    for (Node node : grid.getChildren()) {
      size((VideoTile) node, width);
    }
    int count = grid.getChildren().size();
    int columns = Math.max(1, (int) ((bounds.getWidth() - GAP * 2 + GAP) / (width + GAP)));
    int rows = (count + columns - 1) / columns;
    boolean overflows = rows * (width * 9 / 16 + GAP) - GAP + GAP * 2 > bounds.getHeight();
    gridScroll.setVbarPolicy(overflows && width <= GridFit.MIN_WIDTH
        ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
  }

  private static void size(VideoTile tile, double width) {
    tile.setPrefSize(width, width * 9 / 16);
    tile.setMaxSize(width, width * 9 / 16);
  }

  /// Draws the tile's feed while its camera is on; the initials show while it is off or there is no feed.
  private void addTile(TileModel tileModel) {
    VideoTile tile = TileOverlay.create(tileModel);
    ChangeListener<VideoFeed> listener = (obs, old, feed) -> {
      if (old != null) {
        old.setRenderer(null);
      }
      if (feed != null && !tileModel.videoMutedProperty().get()) {
        feed.setRenderer(tile::render);
      } else {
        tile.clearVideo();
      }
    };
    tileModel.videoMutedProperty().addListener((obs, was, muted) -> {
      VideoFeed feed = tileModel.feedProperty().get();
      if (feed != null) {
        listener.changed(tileModel.feedProperty(), feed, feed);
      }
    });
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
