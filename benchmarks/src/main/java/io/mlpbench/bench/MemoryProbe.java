package io.mlpbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's memory: resident from {@code /proc/self/status} (Linux; -1 where unavailable) and
 * Java heap from the memory pools.
 */
final class MemoryProbe {
  private static final Path STATUS = Path.of("/proc/self/status");

  private MemoryProbe() {}

  /** Peak resident set size (VmHWM), heap and native memory together, in KiB. */
  static long peakRssKb() {
    return field("VmHWM:");
  }

  /** The largest Java heap in use so far (sum of the heap pools' peaks), in KiB. */
  static long peakHeapKb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / 1024;
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
