package com.convene.desktop.ui.controls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.transform.Transform;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/// Reaction emoji as images that look the same on every desktop, with or without an emoji font: the Twemoji
/// graphics (CC-BY 4.0, attribution in `docs/decisions/098-reaction-images.md`) bundled as SVG under
/// `reactions/<code points>.svg`, drawn with JavaFX shapes and snapshotted once per emoji and size.
///
/// Use [#view(String, double)] where a reaction is shown (the call's reaction menu and the overlay over a tile).
/// The SVGs use only `path`, `circle` and `ellipse` with a `fill` on a 36×36 view box, which is all this reads.
/// FX thread only (snapshots need it); images are cached for the life of the app (6 emoji × a few sizes).
public final class ReactionImages {
  /// The Twemoji view box, px.
  static final double VIEW_BOX = 36;
  private static final Map<String, Image> CACHE = new HashMap<>();

  private ReactionImages() {}

  /// Whether an image is bundled for `emoji` (one of the call's reactions).
  public static boolean has(String emoji) {
    return ReactionImages.class.getResource(resource(emoji)) != null;
  }

  /// The picture of `emoji`, `sizePx` wide and high (1–512), transparent around it. FX thread only.
  ///
  /// @throws IllegalArgumentException when no image is bundled for `emoji` ([#has] is false)
  public static Image image(String emoji, double sizePx) {
    if (sizePx < 1 || sizePx > 512) {
      throw new IllegalArgumentException("size must be 1-512 px: " + sizePx);
    }
    return CACHE.computeIfAbsent(emoji + "@" + Math.round(sizePx), key -> render(emoji, Math.round(sizePx)));
  }

  /// An image view of `emoji` at `sizePx`, with the emoji as its accessible text.
  public static ImageView view(String emoji, double sizePx) {
    ImageView view = new ImageView(image(emoji, sizePx));
    view.setAccessibleText(emoji);
    view.getStyleClass().add("reaction-image");
    return view;
  }

  /// The resource name: the code points in lower-case hex joined by `-`, variation selector 16 left out
  /// (Twemoji's file naming), e.g. `reactions/2764.svg` for U+2764 U+FE0F.
  static String resource(String emoji) {
    return "reactions/" + emoji.codePoints().filter(cp -> cp != 0xFE0F)
        .mapToObj(cp -> Integer.toHexString(cp).toLowerCase(Locale.ROOT)).collect(Collectors.joining("-"))
        + ".svg";
  }

  private static Image render(String emoji, long sizePx) {
    Group drawing = new Group(shapes(emoji).toArray(Node[]::new));
    double scale = sizePx / VIEW_BOX;
    SnapshotParameters parameters = new SnapshotParameters();
    parameters.setFill(Color.TRANSPARENT);
    parameters.setTransform(Transform.scale(scale, scale));
    // the viewport is in the scaled space: the whole view box, whatever the shapes' own bounds
    parameters.setViewport(new Rectangle2D(0, 0, sizePx, sizePx));
    return drawing.snapshot(parameters, new WritableImage((int) sizePx, (int) sizePx));
  }

  /// The SVG's shapes in document order.
  static List<Shape> shapes(String emoji) {
    InputStream in = ReactionImages.class.getResourceAsStream(resource(emoji));
    if (in == null) {
      throw new IllegalArgumentException("no reaction image for " + emoji);
    }
    try (in) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList elements = factory.newDocumentBuilder().parse(in).getDocumentElement().getElementsByTagName("*");
      java.util.ArrayList<Shape> shapes = new java.util.ArrayList<>();
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        Shape shape = switch (element.getTagName()) {
          case "path" -> {
            SVGPath path = new SVGPath();
            path.setContent(element.getAttribute("d"));
            yield path;
          }
          case "circle" -> new Circle(number(element, "cx"), number(element, "cy"), number(element, "r"));
          case "ellipse" -> new Ellipse(number(element, "cx"), number(element, "cy"), number(element, "rx"),
              number(element, "ry"));
          default -> null;
        };
        if (shape != null) {
          String fill = element.getAttribute("fill");
          shape.setFill(fill.isEmpty() ? Color.BLACK : Color.web(fill));
          shapes.add(shape);
        }
      }
      return shapes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("bundled reaction image unreadable: " + resource(emoji), e);
    }
  }

  private static double number(Element element, String attribute) {
    String value = element.getAttribute(attribute);
    return value.isEmpty() ? 0 : Double.parseDouble(value);
  }
}
