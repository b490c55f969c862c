package io.mlpbench.dl4j;

import io.mlpbench.core.GemmProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SGEMM through ND4J's BLAS backend (OpenBLAS), for the benchmarks' peak calibration: the library
 * under both DL4J routes' matrix products.
 *
 * <p>Threads: OpenBLAS's count is set by ND4J from {@code OMP_NUM_THREADS} when the native backend
 * loads (see {@link Dl4jRoute#launchRequirements}); it cannot follow {@code threads} from Java, so
 * a JVM whose environment disagrees is refused rather than calibrated at another thread count.
 */
public final class Nd4jGemmProvider implements GemmProvider {

  /** Read from the jars' Maven metadata, so naming the library loads no native code. */
  @Override
  public String library() {
    String openblas = version("/META-INF/maven/org.bytedeco/openblas/pom.properties");
    // javacpp presets append their own version: 0.3.19-1.5.7
    int dash = openblas.indexOf('-');
    String nd4j = version("/META-INF/maven/org.nd4j/nd4j-native/pom.properties");
    return "OpenBLAS "
        + (dash < 0 ? openblas : openblas.substring(0, dash))
        + " (ND4J "
        + nd4j
        + ")";
  }

  @Override
  public Kernel create(int n, float[] a, float[] b, int threads) {
    NativeThreads.mismatch(threads)
        .ifPresent(
            message -> {
              throw new IllegalStateException("cannot calibrate OpenBLAS: " + message);
            });
    INDArray x = BatchArrays.matrix(a, n, n);
    INDArray y = BatchArrays.matrix(b, n, n);
    INDArray c = Nd4j.create(DataType.FLOAT, new long[] {n, n}, 'c');
    return new Kernel() {
      @Override
      public float multiply() {
        // mmul into a preallocated C: cblas_sgemm on the operands' native buffers, no copies
        Nd4j.gemm(x, y, c, false, false, 1.0, 0.0);
        return c.getFloat(0, 0);
      }

      @Override
      public float[] product() {
        return c.data().asFloat();
      }

      @Override
      public void close() {
        x.close();
        y.close();
        c.close();
      }
    };
  }

  private static String version(String resource) {
    try (InputStream in = Nd4jGemmProvider.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("not on this classpath: " + resource + " is missing");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
