package io.mlpbench.results.report;

import java.util.List;

/** A titled table of already formatted cells, rendered to Markdown and HTML alike. */
public record Table(
    String title, List<String> headers, List<List<String>> rows, List<String> notes) {
  public Table {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
    notes = List.copyOf(notes);
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            "table '"
                + title
                + "': row has "
                + row.size()
                + " cells, headers "
                + headers.size()
                + ": "
                + row);
      }
    }
  }
}
