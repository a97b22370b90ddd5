package dev.hake.jms;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a trace as a tree of spans on a time line, as a tracing UI does: one row per span,
 * indented under its parent, a bar from its start to its end. docs/observability.md shows one
 * that ObservabilityIT drew.
 */
final class SpanTreePicture {

    private static final int ROW = 34;
    private static final int LABEL_WIDTH = 430;
    private static final int BAR_WIDTH = 560;
    private static final int MARGIN = 16;

    private SpanTreePicture() {
    }

    /** The tree as text, one line per span, children indented under their parent. */
    static String text(List<SpanData> spans) {
        StringBuilder out = new StringBuilder();
        for (Row row : rows(spans)) {
            out.append("  ".repeat(row.depth())).append(row.span().getName()).append(" [")
                    .append(row.span().getKind()).append(", ")
                    .append((row.span().getEndEpochNanos() - row.span().getStartEpochNanos()) / 1_000_000).append(" ms]\n");
        }
        return out.toString();
    }

    static void write(List<SpanData> spans, Path file) throws IOException {
        List<Row> rows = rows(spans);
        long start = spans.stream().mapToLong(SpanData::getStartEpochNanos).min().orElse(0);
        long end = spans.stream().mapToLong(SpanData::getEndEpochNanos).max().orElse(start + 1);
        int width = MARGIN * 2 + LABEL_WIDTH + BAR_WIDTH;
        int height = MARGIN * 2 + ROW * (rows.size() + 1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(new Color(40, 40, 40));
        g.drawString("trace " + rows.get(0).span().getTraceId() + "   (" + (end - start) / 1_000_000 + " ms)", MARGIN,
                MARGIN + 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            SpanData span = row.span();
            int y = MARGIN + ROW * (i + 1);
            g.setColor(i % 2 == 0 ? new Color(246, 247, 249) : Color.WHITE);
            g.fillRect(MARGIN, y, width - 2 * MARGIN, ROW);
            g.setColor(new Color(40, 40, 40));
            g.drawString("  ".repeat(row.depth()) + (row.depth() > 0 ? "└ " : "") + span.getName() + "  ("
                    + span.getKind().name().toLowerCase() + ")", MARGIN + 6, y + 21);
            double scale = (double) BAR_WIDTH / Math.max(1, end - start);
            int x0 = MARGIN + LABEL_WIDTH + (int) ((span.getStartEpochNanos() - start) * scale);
            int x1 = MARGIN + LABEL_WIDTH + (int) ((span.getEndEpochNanos() - start) * scale);
            g.setColor(switch (span.getKind()) {
                case PRODUCER -> new Color(66, 133, 244);
                case CONSUMER -> new Color(52, 168, 83);
                default -> new Color(154, 160, 166);
            });
            g.fillRoundRect(x0, y + 8, Math.max(3, x1 - x0), ROW - 16, 6, 6);
            g.setColor(new Color(90, 90, 90));
            g.drawString(String.format("%.1f ms", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6),
                    Math.min(x1 + 6, width - MARGIN - 60), y + 21);
        }
        g.setColor(new Color(200, 200, 200));
        g.setStroke(new BasicStroke(1));
        g.drawLine(MARGIN + LABEL_WIDTH, MARGIN + ROW, MARGIN + LABEL_WIDTH, height - MARGIN);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private record Row(SpanData span, int depth) {
    }

    /** Depth-first from the root, children by start time. */
    private static List<Row> rows(List<SpanData> spans) {
        List<Row> rows = new ArrayList<>();
        spans.stream().filter(s -> spans.stream().noneMatch(p -> p.getSpanId().equals(s.getParentSpanId())))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .forEach(root -> add(root, 0, spans, rows));
        return rows;
    }

    private static void add(SpanData span, int depth, List<SpanData> spans, List<Row> rows) {
        rows.add(new Row(span, depth));
        spans.stream().filter(c -> c.getParentSpanId().equals(span.getSpanId()))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .forEach(child -> add(child, depth + 1, spans, rows));
    }
}
