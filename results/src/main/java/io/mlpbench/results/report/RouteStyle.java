package io.mlpbench.results.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.plot.DefaultDrawingSupplier;

/**
 * How a route is drawn in every chart, so a reader learns it once: colour by framework, line style
 * by API style (fit solid, loop dashed, manual dotted), and a marker shape of its own. Two routes
 * of one framework thus share a colour and differ in dash and marker, which keeps a fit/loop pair
 * that overlaps step for step visible as one dashed-over-solid line rather than one hidden line.
 */
public final class RouteStyle {
  // colour-blind safe (Okabe-Ito); framework names as the route descriptors report them
  private static final Color DL4J = new Color(0xE69F00);
  private static final Color DJL = new Color(0x0072B2);
  private static final Color TENSORFLOW = new Color(0xD55E00);
  private static final Color MANUAL = new Color(0x333333);
  private static final List<Color> OTHERS =
      List.of(new Color(0x009E73), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442));

  private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();

  private RouteStyle() {}

  /**
   * The framework's colour, from its name or from a route id ({@code <framework>-<style>}, for runs
   * that name no framework: timing-only runs); an unknown framework gets a stable colour from its
   * name.
   */
  public static Color colour(String framework) {
    String f = framework == null ? "" : framework.toLowerCase(Locale.ROOT);
    if (f.startsWith("tf-")) {
      return TENSORFLOW;
    }
    if (f.contains("dl4j") || f.contains("deeplearning4j")) {
      return DL4J;
    }
    if (f.contains("djl")) {
      return DJL;
    }
    if (f.contains("tensorflow")) {
      return TENSORFLOW;
    }
    if (f.contains("plain java") || f.contains("manual")) {
      return MANUAL;
    }
    return OTHERS.get(Math.floorMod(f.hashCode(), OTHERS.size()));
  }

  /** Solid for fit-style APIs, dashed for hand-written loops, dotted for the manual reference. */
  public static Stroke stroke(String style) {
    String s = style == null ? "" : style.toLowerCase(Locale.ROOT);
    float[] dash =
        switch (s) {
          case "fit" -> null;
          case "loop" -> new float[] {9f, 5f};
          default -> new float[] {2f, 4f};
        };
    return dash == null
        ? new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        : new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /** The n-th route's marker (JFreeChart's standard series shapes, in turn). */
  public static Shape shape(int index) {
    return SHAPES[Math.floorMod(index, SHAPES.length)];
  }
}
