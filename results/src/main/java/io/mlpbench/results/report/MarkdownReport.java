package io.mlpbench.results.report;

import java.util.List;

/** {@code report.md}: the tables as GitHub-flavoured Markdown, ready to paste. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(ReportModel model, List<Table> extra) {
    return render(model, extra, List.of(), List.of());
  }

  /**
   * @param rawData the files beside the report, listed at the end
   * @param sections trends and release matrix: their tables go before the detail tables
   */
  public static String render(
      ReportModel model,
      List<Table> extra,
      List<HtmlReport.Section> sections,
      List<HtmlReport.Link> rawData) {
    StringBuilder md = new StringBuilder();
    md.append("# mlp-bench report\n\n");
    List<Table> all = sections(model, extra);
    int detailsAt = 2 + extra.size();
    for (Table t : all.subList(0, detailsAt)) {
      md.append(table(t)).append('\n');
    }
    for (HtmlReport.Section s : sections) {
      md.append("## ").append(s.title()).append("\n\n");
      if (!s.intro().isEmpty()) {
        md.append(s.intro()).append("\n\n");
      }
      for (Table t : s.tables()) {
        md.append(table(t).replaceFirst("^## ", "### ")).append('\n');
      }
    }
    for (Table t : all.subList(detailsAt, all.size())) {
      md.append(table(t)).append('\n');
    }
    if (!rawData.isEmpty()) {
      md.append("Raw data beside this report: ");
      md.append(
          String.join(
              ", ", rawData.stream().map(l -> l.file() + " (" + l.description() + ")").toList()));
      md.append(".\n");
    }
    return LocalPaths.scrub(md.toString());
  }

  /** Main table, failures, then any extra sections (e.g. comparison), then detail tables. */
  static List<Table> sections(ReportModel model, List<Table> extra) {
    List<Table> all = new java.util.ArrayList<>();
    all.add(model.resultsTable());
    all.add(model.failedTable());
    all.addAll(extra);
    all.add(model.detailsTable());
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
