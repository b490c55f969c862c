package io.mlpbench.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.mlpbench.core.LaunchRequirements;
import java.util.List;
import java.util.Map;

/**
 * Starts DJL's PyTorch engine offline with the configured thread counts.
 *
 * <p>Threads: {@code ai.djl.pytorch.num_threads} sizes PyTorch's intra-op pool (the OpenMP threads
 * a matmul splits over) and is the route's thread count. {@code ai.djl.pytorch.num_interop_threads}
 * is 1: that pool only runs independent ops concurrently (TorchScript fork/wait), while DJL issues
 * eager ops one at a time from the calling Java thread, so more inter-op threads would sit idle and
 * only make the process's thread count differ from the configured one. PyTorch reads both once,
 * when the engine loads, and the inter-op size cannot change afterwards; the intra-op size can, so
 * {@link #start} re-applies it when one JVM (a test run) creates trainers with different counts.
 */
final class PyTorchRuntime {
  static final String ENGINE = "PyTorch";
  static final String OFFLINE = "ai.djl.offline";
  static final String INTRA_OP_THREADS = "ai.djl.pytorch.num_threads";
  static final String INTER_OP_THREADS = "ai.djl.pytorch.num_interop_threads";
  static final int INTER_OP_POOL = 1;

  private PyTorchRuntime() {}

  /**
   * What a runner's JVM needs: offline mode, so a missing native library fails instead of being
   * downloaded, and both pool sizes set before the engine loads. OMP_NUM_THREADS is set as well so
   * the bundled libgomp starts from the same count (not all cores) before PyTorch's set_num_threads
   * runs.
   */
  static LaunchRequirements launchRequirements(int threads) {
    return new LaunchRequirements(
        Map.of("OMP_NUM_THREADS", Integer.toString(threads)),
        List.of(
            "-D" + OFFLINE + "=true",
            "-D" + INTRA_OP_THREADS + "=" + threads,
            "-D" + INTER_OP_THREADS + "=" + INTER_OP_POOL));
  }

  /**
   * Loads the engine (once per JVM) and sets the intra-op pool to {@code threads}. Properties the
   * launcher already set win; absent ones (tests, embedded use) are filled in first.
   *
   * @throws IllegalStateException naming the Maven artifact to add when the native code is missing
   */
  static synchronized Engine start(int threads) {
    setIfAbsent(OFFLINE, "true");
    setIfAbsent(INTRA_OP_THREADS, Integer.toString(threads));
    setIfAbsent(INTER_OP_THREADS, Integer.toString(INTER_OP_POOL));
    Engine engine = load();
    if (JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
    return engine;
  }

  /** PyTorch's intra-op pool size as the native library reports it (torch.get_num_threads()). */
  static int intraOpThreads() {
    return JniUtils.getNumThreads();
  }

  /** PyTorch's inter-op pool size as the native library reports it. */
  static int interOpThreads() {
    return JniUtils.getNumInteropThreads();
  }

  private static Engine load() {
    NativeArtifacts artifacts = NativeArtifacts.bundled();
    List<String> missing = artifacts.missingFrom(PyTorchRuntime.class.getClassLoader());
    if (!missing.isEmpty()) {
      // Checked up front: offline, DJL would only report a failed download of a URL.
      throw new IllegalStateException(missingMessage(missing));
    }
    try {
      return Engine.getEngine(ENGINE);
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException(
          "DJL could not load the PyTorch engine from "
              + artifacts.nativeCoordinates()
              + " and "
              + artifacts.jniCoordinates()
              + "; both must be on the classpath and built for this platform ("
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + "): "
              + e.getMessage(),
          e);
    }
  }

  static String missingMessage(List<String> missing) {
    return "PyTorch native library not on the classpath and DJL runs offline ("
        + OFFLINE
        + "=true): add the Maven dependency "
        + String.join(" and ", missing)
        + " to the route's module";
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
