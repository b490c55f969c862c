package io.mlpbench.results.report;

import java.util.List;

/**
 * Accuracy reported in the suite's seed notes for Keras in Python: context for our numbers, not a
 * result of ours, and always labelled so.
 */
public record ReferenceRow(
    String label, String framework, String style, double testAccuracy, String conditions) {
  public static final List<ReferenceRow> SEED =
      List.of(
          new ReferenceRow(
              "Keras GradientTape loop",
              "TensorFlow Keras (Python)",
              "loop",
              0.9644,
              "5 epochs, batch 128, Adam"),
          new ReferenceRow(
              "Keras model.fit()",
              "TensorFlow Keras (Python)",
              "fit",
              0.9673,
              "5 epochs, batch 128, Adam"));
}
