package io.mlpbench.results.report;

import java.util.List;

/** {@code report.md}: the tables as GitHub-flavoured Markdown, ready to paste. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(ReportModel model, List<Table> extra) {
    StringBuilder md = new StringBuilder();
    md.append("# mlp-bench report\n\n");
    for (Table t : sections(model, extra)) {
      md.append(table(t)).append('\n');
    }
    return md.toString();
  }

  /** Main table, failures, then any extra sections (e.g. comparison), then detail tables. */
  static List<Table> sections(ReportModel model, List<Table> extra) {
    List<Table> all = new java.util.ArrayList<>();
    all.add(model.resultsTable());
    all.add(model.failedTable());
    all.addAll(extra);
    all.add(model.throughputTable());
    all.add(model.epochTable());
    all.add(model.environmentTable());
    return all;
  }

  public static String table(Table t) {
    StringBuilder md = new StringBuilder("## ").append(t.title()).append("\n\n");
    if (!t.rows().isEmpty()) {
      md.append(row(t.headers()));
      md.append(row(t.headers().stream().map(h -> "---").toList()));
      t.rows().forEach(r -> md.append(row(r)));
      md.append('\n');
    }
    for (String note : t.notes()) {
      md.append(note).append("\n\n");
    }
    return md.toString();
  }

  private static String row(List<String> cells) {
    StringBuilder s = new StringBuilder("|");
    for (String c : cells) {
      s.append(' ').append(c.replace("|", "\\|").replace('\n', ' ')).append(" |");
    }
    return s.append('\n').toString();
  }
}
