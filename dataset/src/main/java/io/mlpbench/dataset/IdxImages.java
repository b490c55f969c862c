package io.mlpbench.dataset;

import java.nio.file.Path;

/**
 * The content of an IDX image file: {@code count} images of rows x cols pixels scaled to [0,1],
 * row-major in one array (not copied), and the SHA-256 of the file's uncompressed content.
 */
public record IdxImages(Path file, int count, int rows, int cols, float[] pixels, String sha256) {}
