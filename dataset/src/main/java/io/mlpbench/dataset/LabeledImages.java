package io.mlpbench.dataset;

import java.util.Arrays;

/**
 * A split of an image-classification dataset held in memory: pixels scaled to [0,1] as one
 * contiguous row-major {@code float[]} (count x featureCount) and integer labels.
 */
public final class LabeledImages {
  private final float[] features;
  private final int[] labels;
  private final int featureCount;
  private final int classCount;

  public LabeledImages(float[] features, int[] labels, int featureCount, int classCount) {
    if (features.length != (long) labels.length * featureCount) {
      throw new IllegalArgumentException(
          "features length "
              + features.length
              + " != labels "
              + labels.length
              + " x featureCount "
              + featureCount);
    }
    this.features = features;
    this.labels = labels;
    this.featureCount = featureCount;
    this.classCount = classCount;
  }

  public int size() {
    return labels.length;
  }

  public int featureCount() {
    return featureCount;
  }

  public int classCount() {
    return classCount;
  }

  /** The backing array (not copied): row i occupies [i*featureCount, (i+1)*featureCount). */
  public float[] features() {
    return features;
  }

  /** The backing array (not copied). */
  public int[] labels() {
    return labels;
  }

  public int label(int index) {
    return labels[index];
  }

  /** The first {@code n} samples (or all, if fewer), copied. */
  public LabeledImages limit(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must be >= 0, found " + n);
    }
    if (n >= size()) {
      return this;
    }
    return new LabeledImages(
        Arrays.copyOf(features, n * featureCount),
        Arrays.copyOf(labels, n),
        featureCount,
        classCount);
  }

  /** Number of samples per class, indexed by class. */
  public int[] classCounts() {
    int[] counts = new int[classCount];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** The whole split as one batch, in stored order (for evaluation). */
  public Batch asBatch() {
    return new Batch(features, labels, size(), featureCount, classCount);
  }
}
