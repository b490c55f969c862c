package io.mlpbench.dl4j;

import java.util.Optional;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread counts ND4J's native backend settled on when it loaded (from OMP_NUM_THREADS, see
 * {@link Dl4jRoute#launchRequirements}). They cannot be fixed from Java afterwards, so a JVM
 * started without the route's environment is reported rather than silently measured with other
 * threads.
 */
final class NativeThreads {
  private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);

  private NativeThreads() {}

  /** libnd4j's thread count. */
  static int backend() {
    return Nd4j.getEnvironment().maxThreads();
  }

  /** OpenBLAS's thread count as ND4J set it. */
  static int blas() {
    return Nd4j.factory().blas().getMaxThreads();
  }

  /** A description of the difference when ND4J does not run {@code requested} threads. */
  static Optional<String> mismatch(int requested) {
    int backend = backend();
    int blas = blas();
    if (backend == requested && blas == requested) {
      return Optional.empty();
    }
    return Optional.of(
        "the config asks for "
            + requested
            + " threads but ND4J runs "
            + backend
            + " (libnd4j) and "
            + blas
            + " (OpenBLAS), read from OMP_NUM_THREADS="
            + System.getenv("OMP_NUM_THREADS")
            + " when it loaded; start this JVM with the route's launch requirements"
            + " (OMP_NUM_THREADS="
            + requested
            + ")");
  }

  /** Logs a warning when ND4J's threads differ from {@code requested}. */
  static void warnOnMismatch(int requested) {
    mismatch(requested).ifPresent(LOG::warn);
  }
}
