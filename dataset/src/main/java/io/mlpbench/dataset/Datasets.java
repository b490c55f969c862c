package io.mlpbench.dataset;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a dataset by name ("mnist" or "fashion"). PROVISIONAL: reads the IDX files from the
 * per-user cache only; the dataset issue replaces this with validation and acquisition.
 */
public final class Datasets {
  private Datasets() {}

  public static TrainTestSplit load(String name) {
    Path dir = Path.of(System.getProperty("user.home"), ".cache", "mlp-bench", name);
    return new TrainTestSplit(
        name,
        read(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte")),
        read(dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte")));
  }

  private static LabeledImages read(Path images, Path labels) {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(images));
        DataInputStream lin = new DataInputStream(Files.newInputStream(labels))) {
      in.readInt();
      int n = in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      byte[] px = in.readNBytes(n * rows * cols);
      float[] f = new float[px.length];
      for (int i = 0; i < px.length; i++) {
        f[i] = (px[i] & 0xFF) / 255f;
      }
      lin.readInt();
      int m = lin.readInt();
      byte[] lb = lin.readNBytes(m);
      int[] l = new int[m];
      for (int i = 0; i < m; i++) {
        l[i] = lb[i];
      }
      return new LabeledImages(f, l, rows * cols, 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
