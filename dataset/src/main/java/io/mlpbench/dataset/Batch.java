package io.mlpbench.dataset;

/**
 * A mini-batch: {@code rows} samples as contiguous row-major features (rows x featureCount) plus
 * their labels. Arrays may be longer than needed and are reused by {@link Batcher} between batches:
 * read only the first {@code rows} entries, and copy anything kept past the next batch.
 */
public final class Batch {
  private final float[] features;
  private final int[] labels;
  private int rows;
  private final int featureCount;
  private final int classCount;

  public Batch(float[] features, int[] labels, int rows, int featureCount, int classCount) {
    this.features = features;
    this.labels = labels;
    this.rows = rows;
    this.featureCount = featureCount;
    this.classCount = classCount;
  }

  public float[] features() {
    return features;
  }

  public int[] labels() {
    return labels;
  }

  public int rows() {
    return rows;
  }

  public int featureCount() {
    return featureCount;
  }

  public int classCount() {
    return classCount;
  }

  void setRows(int rows) {
    this.rows = rows;
  }

  /** Labels as one-hot rows (rows x classCount), written into {@code target}. */
  public float[] oneHot(float[] target) {
    java.util.Arrays.fill(target, 0, rows * classCount, 0f);
    for (int i = 0; i < rows; i++) {
      target[i * classCount + labels[i]] = 1f;
    }
    return target;
  }

  /** Labels as freshly allocated one-hot rows (rows x classCount). */
  public float[] oneHot() {
    return oneHot(new float[rows * classCount]);
  }

  /** A copy trimmed to exactly {@code rows} samples, safe to keep. */
  public Batch copy() {
    return new Batch(
        java.util.Arrays.copyOf(features, rows * featureCount),
        java.util.Arrays.copyOf(labels, rows),
        rows,
        featureCount,
        classCount);
  }
}
