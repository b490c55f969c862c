package io.mlpbench.results.model;

import java.util.List;

/**
 * One JMH measurement of one route: samples/s with JMH's error, and the raw per-iteration samples
 * (needed by the noise-aware comparison). A failed route has status "failed" and no score.
 *
 * @param benchmark "train" (one optimizer step) or "infer" (forward + argmax), or "gemm-peak"
 */
public record ThroughputResult(
    String route,
    String benchmark,
    int batchSize,
    int threads,
    Double score,
    Double scoreError,
    String unit,
    List<Double> rawSamples,
    Double gflops,
    Double percentOfPeak,
    String status,
    String failure) {}
