package org.treatygraph.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (the text/csv media type): UTF-8 without a byte order mark, CRLF line ends, a
 * header row, a field quoted when it holds a comma, a quote or a line break, quotes doubled. A cell with
 * several values separates them with " | ".
 */
final class Csv {
    static final String SEPARATOR = " | ";

    private Csv() {}

    static Path write(Path p, List<String> header, List<List<String>> rows) throws IOException {
        StringBuilder b = new StringBuilder();
        line(b, header);
        for (List<String> row : rows) {
            if (row.size() != header.size()) throw new IllegalStateException("a row of " + row.size() + " cells under " + header.size() + " columns: " + row);
            line(b, row);
        }
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append("\r\n");
    }
}
