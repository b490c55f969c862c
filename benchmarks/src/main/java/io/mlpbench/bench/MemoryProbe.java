package io.mlpbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory from {@code /proc/self/status} (Linux); -1 where unavailable. */
final class MemoryProbe {
  private static final Path STATUS = Path.of("/proc/self/status");

  private MemoryProbe() {}

  /** Peak resident set size (VmHWM), heap and native memory together, in KiB. */
  static long peakRssKb() {
    return field("VmHWM:");
  }

  /** Current resident set size (VmRSS) in KiB. */
  static long rssKb() {
    return field("VmRSS:");
  }

  private static long field(String name) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
